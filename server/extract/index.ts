/** Extraction of proposals from an article: the one entry point the API and the command line use. */

export { datasetResolver } from "./dataset-names.js";
export { extract } from "./extract.js";
export { emptyResolver, graphResolver, memoryResolver } from "./resolve.js";
export { compromiseTagger, type Tagger } from "./taggers.js";
