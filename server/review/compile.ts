/**
 * Turns a reviewed draft into a dataset in the existing format (manifest, list files, evidence of
 * existing records, the source text): only accepted proposals and selections enter it.
 * INTERFACE ONLY on main until the compiler lands (branch wt/compile); the review endpoints code against it.
 */
import type { DraftResponse } from "../../common/api-types.js";
import type { Decision, PreviewResponse, Selection } from "../../common/contract/review.js";

/** A node of the graph an accepted proposal refers to, as the compiler needs it. */
export interface ExistingNode {
  id: string;
  label: "Actor" | "Forum" | "Event" | "Claim";
  name: string;
  /** Dataset ids (manifest ids, without "dataset:") the node belongs to: the new dataset `requires` them. */
  datasets: string[];
}

export interface CompileInput {
  draft: DraftResponse;
  selections: readonly Selection[];
  /** The current decision of each proposal or selection (undone ones left out). */
  decisions: readonly Decision[];
  /** Every node `referencedIds` named that exists in the graph; an id missing here is a problem, not a crash. */
  existing: ReadonlyMap<string, ExistingNode>;
}

/** One file of the dataset folder, its path relative to the folder ("manifest.yaml", "sources/<slug>.txt"). */
export interface DatasetFile {
  path: string;
  text: string;
}

export interface CompiledDataset
  extends Pick<PreviewResponse, "datasetId" | "sourceId" | "adds" | "links" | "evidence" | "skipped"> {
  files: DatasetFile[];
  /** Dataset ids of the existing nodes it refers to (the manifest's `requires`). */
  requires: string[];
}

/** Ids of existing nodes the accepted decisions refer to, for the caller to look up before compiling. */
export function referencedIds(_input: Omit<CompileInput, "existing">): string[] {
  throw new Error("referencedIds: not implemented yet (branch wt/compile)");
}

/** The dataset a reviewed draft becomes. Pure: no I/O. */
export function compileDraft(_input: CompileInput): CompiledDataset {
  throw new Error("compileDraft: not implemented yet (branch wt/compile)");
}
