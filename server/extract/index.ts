/** Extraction of proposals from an article: the one entry point the API and the command line use. */

export { datasetResolver } from "./dataset-names.js";
export { type ExtractOptions, extract } from "./extract.js";
export { emptyResolver, graphResolver, type KnownName, memoryResolver } from "./resolve.js";
export { compromiseTagger, type Tagger } from "./taggers.js";
export type { EntityResolver, Extraction, Proposal } from "./types.js";
