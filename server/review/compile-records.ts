/**
 * The records a reviewed draft holds: each accepted proposal or selection becomes a new actor,
 * forum, event or claim, a link to an existing node, or evidence of an existing record; references
 * between them resolve through the reviewers' decisions. Pure; docs/adding-sources.md has the rules.
 */
import type { DraftResponse } from "../../common/api-types.js";
import type { Proposal, Span } from "../../common/contract/extraction.js";
import type { Decision, ProposalEdit, Selection } from "../../common/contract/review.js";
import type { Problem } from "../dataset/validate.js";
import type { ExistingNode } from "./compile.js";
import { type Quote, quoteOf, slugOf } from "./quote.js";

type Kind = "actor" | "forum" | "event" | "claim";
type DateSpec = { on?: string; from?: string; to?: string; qualifier?: string };

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

const PARTIAL_DATE = /^(\d{4}-\d{2}-\d{2}|\d{4}-\d{2}|\d{4}|\d{3}0s)$/;
const LABELS: Record<string, string> = { actor: "Actor", forum: "Forum", event: "Event", claim: "Claim" };
const kindOfId = (id: string) => id.slice(0, id.indexOf(":"));
const EVENT_WORDS: Record<string, string> = {
  meeting: "meeting",
  "meeting-series": "meetings",
  call: "call",
  "state-visit": "state visit",
  summit: "summit",
};

/**
 * Builds the records of one draft. `existing` is null while `referencedIds` only collects the ids
 * to look up (`asked`); with it, references to existing nodes are checked and their datasets required.
 */
export class RecordBuilder {
  readonly records: NewRecord[] = [];
  readonly links: Link[] = [];
  readonly evidence: MoreEvidence[] = [];
  readonly problems: Problem[] = [];
  readonly requires = new Set<string>();
  readonly asked = new Set<string>();
  readonly skipped = { unreviewed: 0, rejected: 0, unsure: 0 };

  readonly #text: string;
  readonly #proposals = new Map<string, Proposal>();
  readonly #selections = new Map<string, Selection>();
  readonly #decisions = new Map<string, Decision>();
  readonly #sentences: Span[];
  readonly #usedIds = new Set<string>();
  /** Proposal or selection id → the node it became (null: it became none), so each is built once. */
  readonly #nodes = new Map<string, string | null>();
  /** New actors and forums by slug: three mentions of one new person are one record with three quotes. */
  readonly #bySlug = new Map<string, NewRecord>();

  constructor(
    readonly draft: DraftResponse,
    selections: readonly Selection[],
    decisions: readonly Decision[],
    readonly existing: ReadonlyMap<string, ExistingNode> | null,
    readonly datasetId: string,
  ) {
    this.#text = draft.text;
    for (const proposal of draft.extraction?.proposals ?? []) this.#proposals.set(proposal.id, proposal);
    for (const selection of selections) this.#selections.set(selection.id, selection);
    for (const decision of decisions) if (decision.undone === null) this.#decisions.set(decision.proposal, decision);
    this.#sentences = [...(draft.extraction?.sentences ?? draft.sentences)].sort((a, b) => a.start - b.start);
  }

  /** Every proposal and selection in text order; the accepted ones become records, links or evidence. */
  build(): this {
    const ids = [...this.#proposals.keys(), ...this.#selections.keys()];
    for (const id of ids) {
      const decision = this.#decisions.get(id);
      if (!decision) this.skipped.unreviewed++;
      else if (decision.action === "reject") this.skipped.rejected++;
      else if (decision.action === "unsure") this.skipped.unsure++;
      else this.nodeOf(id);
    }
    return this;
  }

  /** The author of the source as an actor id: an accepted actor of the same name, an existing one, or a new record. */
  author(name: string | null): string | null {
    const clean = name?.replace(/^by\s+/i, "").trim();
    const slug = clean ? slugOf(clean) : "";
    if (!clean || !slug) return null;
    const own = this.#bySlug.get(`actor|${slug}`);
    if (own) return own.id;
    const id = `actor:${slug}`;
    const node = this.#lookup(id);
    if (node?.label === "Actor") {
      this.#require(node);
      this.links.push({ proposal: "author", entity: id, label: "Actor", name: node.name });
      return id;
    }
    return this.#newRecord("actor", clean, "author", { kind: "person" }, []).id;
  }

  /** The node a proposal or selection became, building it the first time; undefined when it became none. */
  nodeOf(id: string): string | undefined {
    if (this.#nodes.has(id)) return this.#nodes.get(id) ?? undefined;
    this.#nodes.set(id, null); // a reference back to itself while it is being built resolves to nothing
    const node = this.#build(id);
    this.#nodes.set(id, node ?? null);
    return node;
  }

  #build(id: string): string | undefined {
    const decision = this.#decisions.get(id);
    if (decision?.action !== "accept") return undefined;
    const proposal = this.#proposals.get(id);
    const selection = this.#selections.get(id);
    if (!proposal && !selection) return undefined;
    const edit: ProposalEdit = { ...(selection?.fields ?? {}), ...(decision.edit ?? {}) };
    const span = {
      start: edit.start ?? proposal?.start ?? selection?.start ?? 0,
      end: edit.end ?? proposal?.end ?? selection?.end ?? 0,
    };
    if (proposal?.kind === "date" || proposal?.kind === "place") return undefined; // read by meetings and claims
    if (decision.entity) return this.#linked(id, decision.entity, proposal, span);
    if (proposal?.kind === "actor" || proposal?.kind === "forum") {
      const name = edit.name ?? proposal.text.replace(/\s+/g, " ").trim();
      const fields = proposal.kind === "actor" ? { kind: edit.actorKind ?? proposal.type } : { kind: forumKind(name) };
      const record = this.#newRecord(proposal.kind, name, id, fields, [this.#quote(span)]);
      // Another way the source writes the name ("Lavrov" for "Sergey Lavrov") is an alias.
      const written = proposal.text.replace(/\s+/g, " ").trim();
      const aliases = (record.fields.aliases as string[] | undefined) ?? [];
      if (written !== record.name && !aliases.includes(written)) record.fields.aliases = [...aliases, written];
      return record.id;
    }
    if (proposal?.kind === "meeting" || selection?.kind === "event") return this.#event(id, proposal, edit, span);
    return this.#claim(id, proposal, edit, span);
  }

  /** Accepted as an existing node: a link; a meeting, claim or selection also quotes its passage as that node's evidence. */
  #linked(id: string, entity: string, proposal: Proposal | undefined, span: { start: number; end: number }) {
    const node = this.#reference(entity);
    this.links.push({
      proposal: id,
      entity,
      label: node?.label ?? LABELS[kindOfId(entity)] ?? "?",
      name: node?.name ?? entity,
    });
    if (proposal?.kind !== "actor" && proposal?.kind !== "forum") {
      const around = proposal?.kind === "meeting" || !proposal ? span : this.#sentenceOf(span);
      const source = this.draft.title ?? "this source";
      this.evidence.push({
        of: entity,
        quote: this.#quote(around),
        proposal: id,
        note: `The same ${kindOfId(entity) === "event" ? "event" : "claim"}, as reported by ${source} (proposal ${id}).`,
      });
    }
    return entity;
  }

  #event(id: string, proposal: Proposal | undefined, edit: ProposalEdit, span: { start: number; end: number }) {
    const meeting = proposal?.kind === "meeting" ? proposal : undefined;
    const inSpan = (kind: Proposal["kind"]) => this.#proposalsIn(span, kind);
    const participants = edit.participants
      ? this.#refs(id, "participants", edit.participants, "actor")
      : meeting
        ? this.#refs(id, "participants", meeting.participants, "actor", false)
        : this.#accepted(inSpan("actor"));
    const forumRef =
      edit.forum !== undefined
        ? edit.forum
        : (meeting?.forum ?? inSpan("forum").find((p) => this.nodeOf(p.id))?.id ?? null);
    const forums = forumRef ? this.#refs(id, "forum", [forumRef], "forum", edit.forum !== undefined) : [];
    const date = edit.date !== undefined ? dateOfEdit(edit.date) : this.#dateOf(meeting?.date ?? inSpan("date")[0]?.id);
    const place = edit.place !== undefined ? edit.place : this.#placeOf(meeting?.place ?? inSpan("place")[0]?.id);
    const kind = edit.eventKind ?? meeting?.eventKind ?? "other";
    const name = edit.name ?? this.#eventName(kind, participants, forums, date);
    return this.#newRecord(
      "event",
      name,
      id,
      {
        kind,
        ...(date ? { date } : {}),
        ...(place ? { place } : {}),
        forums,
        participants: participants.map((actor) => ({ actor })),
      },
      [this.#quote(span)],
    ).id;
  }

  #claim(id: string, proposal: Proposal | undefined, edit: ProposalEdit, span: { start: number; end: number }) {
    const sentence = this.#sentenceOf(span);
    // A proposal quotes its sentence (the claim is what the sentence says); a selection, or a corrected span, itself.
    const passage = proposal && edit.start === undefined && edit.end === undefined ? sentence : span;
    const text = edit.claimText ?? this.#text.slice(passage.start, passage.end).replace(/\s+/g, " ").trim();
    const kind =
      edit.claimKind ??
      (proposal?.kind === "quantity" ? "quantity" : proposal?.kind === "statement" ? "statement" : "fact");
    const speaker = proposal?.kind === "statement" ? proposal.speaker : null;
    const statedBy = edit.statedBy
      ? this.#refs(id, "statedBy", edit.statedBy, "actor")
      : speaker
        ? this.#refs(id, "statedBy", [speaker], "actor", false)
        : [];
    const about = edit.about
      ? this.#refs(id, "about", edit.about, null)
      : this.#accepted(this.#proposalsIn(proposal ? sentence : span, "actor"));
    if (about.length === 0) {
      this.problems.push({
        code: "MISSING_FIELD",
        file: "claims.yaml",
        line: null,
        path: `${id}.about`,
        field: "about",
        message: `the claim of ${id} ("${shortText(text)}") is about nothing: no actor of its sentence was accepted; accept one, or give "about" in its edit`,
      });
      return undefined;
    }
    const date = edit.date !== undefined ? dateOfEdit(edit.date) : undefined;
    const quantity =
      proposal?.kind === "quantity" && (kind === "quantity" || kind === "aggregate") ? quantityOf(proposal) : undefined;
    return this.#newRecord(
      "claim",
      text,
      id,
      {
        kind,
        text,
        ...(quantity ? { quantity } : {}),
        statedBy,
        ...(date ? { date } : {}),
        about,
      },
      [this.#quote(passage)],
    ).id;
  }

  /**
   * Node ids of references: an existing node's id, a proposal or selection id, or "new:<id>" for
   * the node that one becomes. `strict` (a reviewer's own list): one that becomes nothing is a problem;
   * otherwise (the extractor's) it is left out, as a participant that was rejected.
   */
  #refs(owner: string, field: string, refs: readonly string[], kind: Kind | null, strict = true): string[] {
    const out: string[] = [];
    const file = field === "participants" || field === "forum" ? "events.yaml" : "claims.yaml";
    const problem = (code: Problem["code"], message: string) =>
      this.problems.push({ code, file, line: null, path: `${owner}.${field}`, field, message });
    for (const ref of refs) {
      const local = ref.startsWith("new:") ? ref.slice(4) : ref;
      const isLocal = this.#proposals.has(local) || this.#selections.has(local);
      let node: string | undefined;
      if (isLocal) node = this.nodeOf(local);
      else if (!ref.startsWith("new:")) {
        // An existing node: required when the graph has it; when not, the validation's graph check says so at its line.
        this.#reference(ref);
        node = ref;
      }
      if (node === undefined) {
        if (strict)
          problem("DANGLING_REFERENCE", `${owner} names ${ref} under "${field}", which was not accepted as a node`);
        continue;
      }
      if (kind && kindOfId(node) !== kind) {
        problem("INVALID_VALUE", `${owner} names ${node} under "${field}", which is not an ${kind}`);
        continue;
      }
      if (!out.includes(node)) out.push(node);
    }
    return out;
  }

  /** The nodes accepted proposals became, in order, each once. */
  #accepted(proposals: readonly Proposal[]): string[] {
    return [...new Set(proposals.flatMap((p) => this.nodeOf(p.id) ?? []))];
  }

  #proposalsIn(span: { start: number; end: number }, kind: Proposal["kind"]): Proposal[] {
    return [...this.#proposals.values()].filter((p) => p.kind === kind && p.start >= span.start && p.end <= span.end);
  }

  #sentenceOf(span: { start: number; end: number }): { start: number; end: number } {
    const sentence = this.#sentences.find((s) => s.start <= span.start && span.start < s.end);
    return sentence ? { start: sentence.start, end: Math.max(sentence.end, span.end) } : span;
  }

  /** A date proposal's value (a date the extractor read), unless a reviewer rejected it or was unsure. */
  #dateOf(ref: string | null | undefined): DateSpec | undefined {
    if (!ref) return undefined;
    const proposal = this.#proposals.get(ref);
    if (!proposal) return PARTIAL_DATE.test(ref) ? { on: ref } : undefined;
    if (proposal.kind !== "date" || !this.#usable(ref)) return undefined;
    const qualifier = proposal.qualifier ? { qualifier: proposal.qualifier } : {};
    if (proposal.precision === "range") {
      const ends = { ...(proposal.from ? { from: proposal.from } : {}), ...(proposal.to ? { to: proposal.to } : {}) };
      return Object.keys(ends).length > 0 ? { ...ends, ...qualifier } : undefined;
    }
    return PARTIAL_DATE.test(proposal.value) ? { on: proposal.value, ...qualifier } : undefined;
  }

  #placeOf(ref: string | null | undefined): string | undefined {
    if (!ref) return undefined;
    const proposal = this.#proposals.get(ref);
    if (!proposal) return ref;
    return proposal.kind === "place" && this.#usable(ref) ? proposal.text.trim() : undefined;
  }

  /** Dates and places are read unless rejected or marked unsure (an unreviewed one rides with its meeting). */
  #usable(id: string): boolean {
    const action = this.#decisions.get(id)?.action;
    return action === undefined || action === "accept";
  }

  #eventName(kind: string, participants: readonly string[], forums: readonly string[], date: DateSpec | undefined) {
    const names = participants.map((id) => this.#nameOf(id));
    const who = names.length > 3 ? `${names.slice(0, 3).join(" – ")} and others` : names.join(" – ");
    const at = forums.length > 0 ? ` at ${this.#nameOf(forums[0] as string)}` : "";
    const when = date ? `, ${date.on ?? [date.from, date.to].filter(Boolean).join("–")}` : "";
    return `${who ? `${who} ` : ""}${EVENT_WORDS[kind] ?? kind.replaceAll("-", " ")}${at}${when}`;
  }

  #nameOf(id: string): string {
    return this.records.find((r) => r.id === id)?.name ?? this.existing?.get(id)?.name ?? id;
  }

  #quote(span: { start: number; end: number }): Quote {
    return quoteOf(this.#text, span.start, span.end, this.#sentenceOf(span));
  }

  /** An existing node by id (noted for the caller to look up); required when found. */
  #reference(id: string): ExistingNode | undefined {
    const node = this.#lookup(id);
    if (node) this.#require(node);
    return node;
  }

  #lookup(id: string): ExistingNode | undefined {
    this.asked.add(id);
    return this.existing?.get(id);
  }

  #require(node: ExistingNode) {
    for (const dataset of node.datasets) if (dataset !== this.datasetId) this.requires.add(dataset);
  }

  /** A new record with an id of its own; actors and forums of one name become one record. */
  #newRecord(
    kind: Kind,
    name: string,
    proposal: string,
    fields: Record<string, unknown>,
    evidence: Quote[],
  ): NewRecord {
    // Events and claims are told apart by more words (a date at the end of a generated name).
    const max = kind === "event" || kind === "claim" ? 80 : 60;
    const slug = slugOf(name, max) || slugOf(`${kind} ${proposal}`);
    const key = `${kind}|${slug}`;
    const same = kind === "actor" || kind === "forum" ? this.#bySlug.get(key) : undefined;
    if (same) {
      for (const quote of evidence) if (!same.evidence.some((q) => sameQuote(q, quote))) same.evidence.push(quote);
      return same;
    }
    const record: NewRecord = { kind, id: this.#allocate(kind, slug), name, proposal, fields, evidence };
    this.records.push(record);
    if (kind === "actor" || kind === "forum") this.#bySlug.set(key, record);
    return record;
  }

  /** `<kind>:<slug>`, or `-2`, `-3`… when this dataset or another dataset's node already has it. */
  #allocate(kind: Kind, slug: string): string {
    const candidate = (n: number) => `${kind}:${n === 1 ? slug : `${slug}-${n}`}`;
    // The caller looks up the first few candidates (referencedIds); a later one that another
    // dataset holds fails the load's graph check (DUPLICATE_ID) rather than overwriting it.
    for (let n = 1; n <= 3; n++) this.#lookup(candidate(n));
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

const sameQuote = (a: Quote, b: Quote) => a.exact === b.exact && a.prefix === b.prefix && a.suffix === b.suffix;
const shortText = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}...` : text);

/** A forum's kind from its name (the extractor does not say): a summit, a conference, else an organisation. */
function forumKind(name: string): string {
  if (/\bsummit\b/i.test(name)) return "summit";
  if (/\b(conference|forum|dialogue|meeting)\b/i.test(name)) return "conference";
  if (/\b(united nations|un)\b.*\b(council|assembly)\b/i.test(name)) return "un-body";
  return "organisation";
}

/** A reviewer's date: "2025-05-09", "2025-05", "2025", "1960s", or "from/to" with either end empty; null for none. */
function dateOfEdit(value: string | null): DateSpec | undefined {
  if (value === null) return undefined;
  if (!value.includes("/")) return { on: value.trim() };
  const [from, to] = value.split("/").map((part) => part.trim());
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

/** The dataset's quantity of a quantity proposal (docs/dataset-format.md); a change without a base is left out. */
function quantityOf(proposal: Extract<Proposal, { kind: "quantity" }>): Record<string, unknown> {
  const measure = proposal.measure === "count" ? `count of ${proposal.unit}` : proposal.measure;
  return {
    measure,
    value: proposal.value,
    unit: proposal.unit,
    ...(proposal.qualifier ? { qualifier: proposal.qualifier } : {}),
    ...(proposal.outOf !== undefined ? { outOf: proposal.outOf } : {}),
    ...(proposal.change?.base ? { change: proposal.change } : {}),
  };
}
