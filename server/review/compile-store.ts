/**
 * What a compiled dataset holds while it is built: its new records (with ids no other dataset's
 * node has), links to existing nodes, evidence of existing records, problems, and the existing
 * nodes it looked up (`asked`) and the datasets it therefore requires.
 */
import type { Problem } from "../dataset/validate.js";
import type { ExistingNode } from "./compile.js";
import { sameQuote } from "./compile-values.js";
import { type Quote, slugOf } from "./quote.js";

export type Kind = "actor" | "forum" | "event" | "claim";

export interface NewRecord {
  kind: Kind;
  id: string;
  name: string;
  /** The proposal or selection it comes from ("author" for the source's author). */
  proposal: string;
  /** The record as the dataset file writes it, evidence quotes without their source. */
  fields: Record<string, unknown>;
  evidence: Quote[];
}

export interface Link {
  proposal: string;
  entity: string;
  label: string;
  name: string;
}

export interface MoreEvidence {
  of: string;
  quote: Quote;
  proposal: string;
  note: string;
}

/**
 * `existing` is null while `referencedIds` only collects the ids to look up (`asked`); with it,
 * references to existing nodes are checked and their datasets required.
 */
export class RecordStore {
  readonly records: NewRecord[] = [];
  readonly links: Link[] = [];
  readonly evidence: MoreEvidence[] = [];
  readonly problems: Problem[] = [];
  readonly requires = new Set<string>();
  readonly asked = new Set<string>();
  readonly #usedIds = new Set<string>();
  /** New actors and forums by slug: three mentions of one new person are one record with three quotes. */
  protected readonly bySlug = new Map<string, NewRecord>();

  constructor(
    readonly existing: ReadonlyMap<string, ExistingNode> | null,
    readonly datasetId: string,
  ) {}

  /** An existing node by id (noted for the caller to look up); required when found. */
  protected reference(id: string): ExistingNode | undefined {
    const node = this.lookup(id);
    if (node) this.require(node);
    return node;
  }

  /** An existing node by id, without requiring it (the caller of referencedIds looks every asked id up). */
  protected lookup(id: string): ExistingNode | undefined {
    this.asked.add(id);
    return this.existing?.get(id);
  }

  protected require(node: ExistingNode) {
    for (const dataset of node.datasets) if (dataset !== this.datasetId) this.requires.add(dataset);
  }

  /**
   * A new record with an id of its own, made from `slugFrom` (default: its name); actors and forums
   * of one name become one record.
   */
  protected newRecord(
    kind: Kind,
    name: string,
    proposal: string,
    fields: Record<string, unknown>,
    evidence: Quote[],
    slugFrom = name,
  ): NewRecord {
    // Events and claims are told apart by more words (a date at the end of a generated name).
    const max = kind === "event" || kind === "claim" ? 80 : 60;
    const slug = slugOf(slugFrom, max) || slugOf(`${kind} ${proposal}`);
    const key = `${kind}|${slug}`;
    const same = kind === "actor" || kind === "forum" ? this.bySlug.get(key) : undefined;
    if (same) {
      for (const quote of evidence) if (!same.evidence.some((q) => sameQuote(q, quote))) same.evidence.push(quote);
      return same;
    }
    const record: NewRecord = { kind, id: this.#allocate(kind, slug), name, proposal, fields, evidence };
    this.records.push(record);
    if (kind === "actor" || kind === "forum") this.bySlug.set(key, record);
    return record;
  }

  /** A node's name for generated names: a new record's, an existing node's, or its id. */
  protected nameOf(id: string): string {
    return this.records.find((r) => r.id === id)?.name ?? this.existing?.get(id)?.name ?? id;
  }

  /** `<kind>:<slug>`, or `-2`, `-3`… when this dataset or another dataset's node already has it. */
  #allocate(kind: Kind, slug: string): string {
    const candidate = (n: number) => `${kind}:${n === 1 ? slug : `${slug}-${n}`}`;
    // The caller looks up the first few candidates (referencedIds); a later one that another
    // dataset holds fails the load's graph check (DUPLICATE_ID) rather than overwriting it.
    for (let n = 1; n <= 3; n++) this.lookup(candidate(n));
    for (let n = 1; ; n++) {
      const id = candidate(n);
      const node = this.existing?.get(id);
      const taken = this.#usedIds.has(id) || node?.datasets.some((d) => d !== this.datasetId) === true;
      if (!taken) {
        this.#usedIds.add(id);
        return id;
      }
    }
  }
}
