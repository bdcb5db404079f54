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
import { type Kind, RecordStore } from "./compile-store.js";
import {
  type DateSpec,
  dateOfEdit,
  EVENT_WORDS,
  forumKind,
  kindOfId,
  LABELS,
  PARTIAL_DATE,
  quantityOf,
  shortText,
} from "./compile-values.js";
import { type Quote, quoteOf, slugOf } from "./quote.js";

/**
 * Builds the records of one draft. `existing` is null while `referencedIds` only collects the ids
 * to look up (`asked`); with it, references to existing nodes are checked and their datasets required.
 */
export class RecordBuilder extends RecordStore {
  readonly skipped = { unreviewed: 0, rejected: 0, unsure: 0 };

  readonly #text: string;
  readonly #proposals = new Map<string, Proposal>();
  readonly #selections = new Map<string, Selection>();
  readonly #decisions = new Map<string, Decision>();
  readonly #sentences: Span[];
  /** Proposal or selection id → the node it became (null: it became none), so each is built once. */
  readonly #nodes = new Map<string, string | null>();

  constructor(
    readonly draft: DraftResponse,
    selections: readonly Selection[],
    decisions: readonly Decision[],
    existing: ReadonlyMap<string, ExistingNode> | null,
    datasetId: string,
  ) {
    super(existing, datasetId);
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
    const own = this.bySlug.get(`actor|${slug}`);
    if (own) return own.id;
    const id = `actor:${slug}`;
    const node = this.lookup(id);
    // An author this dataset created at an earlier commit is its own record again, not a link to itself.
    if (node?.label === "Actor" && node.datasets.some((d) => d !== this.datasetId)) {
      this.require(node);
      this.links.push({ proposal: "author", entity: id, label: "Actor", name: node.name });
      return id;
    }
    return this.newRecord("actor", clean, "author", { kind: "person" }, []).id;
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
      const record = this.newRecord(proposal.kind, name, id, fields, [this.#quote(span)]);
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
    const node = this.reference(entity);
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
    // A name is generated for meetings, calls, visits and summits with participants; anything else
    // ("Maxim Ryzhenkov other" says little) is named by the passage's own words.
    const words =
      participants.length === 0 || !(kind in EVENT_WORDS)
        ? shortText(this.#text.slice(span.start, span.end).replace(/\s+/g, " ").trim())
        : null;
    const name = edit.name ?? words ?? this.#eventName(kind, participants, forums, date, (node) => this.nameOf(node));
    // The id is made from ids, not names: referencedIds, which knows no existing node's name, names the same id.
    const slugFrom =
      edit.name ??
      words ??
      this.#eventName(kind, participants, forums, date, (node) => node.slice(node.indexOf(":") + 1));
    return this.newRecord(
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
      slugFrom,
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
    return this.newRecord(
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
        this.reference(ref);
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

  #eventName(
    kind: string,
    participants: readonly string[],
    forums: readonly string[],
    date: DateSpec | undefined,
    nameOf: (id: string) => string,
  ) {
    const names = participants.map(nameOf);
    const who = names.length > 3 ? `${names.slice(0, 3).join(" – ")} and others` : names.join(" – ");
    const at = forums.length > 0 ? ` at ${nameOf(forums[0] as string)}` : "";
    const when = date ? `, ${date.on ?? [date.from, date.to].filter(Boolean).join("–")}` : "";
    return `${who ? `${who} ` : ""}${EVENT_WORDS[kind] ?? kind.replaceAll("-", " ")}${at}${when}`;
  }

  #quote(span: { start: number; end: number }): Quote {
    return quoteOf(this.#text, span.start, span.end, this.#sentenceOf(span));
  }
}
