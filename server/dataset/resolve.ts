/**
 * Turns a valid dataset into the rows the loader writes: node properties per label and
 * relationships per type, with passage offsets, paragraphs, dates, flattened quantities and the
 * evidence of every edge. Pure: no I/O, the same dataset always gives the same rows.
 */
import { spanClassOf } from "../domain/span-classes.js";
import { nameKeys } from "../lib/search-words.js";
import { contentSha256 } from "../sources/normalise.js";
import { type ResolvedDate, resolveDate } from "./dates.js";
import { furnitureCache, locate, paragraphAround } from "./evidence.js";
import {
  type GraphRows,
  LOADER_VERSION,
  type NodeLabel,
  type NodeRow,
  type Props,
  REL_TYPES,
  type RelRow,
  type RelType,
} from "./graph-model.js";
import type { Actor, Claim, DateSpec, Event, Evidence, ExtraEvidence, Forum, Manifest } from "./schema.js";
import type { AnyRecord } from "./stream-read.js";
import type { SourceText, ValidDataset } from "./validate.js";

/** Drops undefined and null values: Neo4j stores no nulls, an absent property reads as null. */
function props(values: Record<string, string | number | boolean | string[] | null | undefined>): Props {
  return Object.fromEntries(
    Object.entries(values).filter(([, value]) => value !== undefined && value !== null),
  ) as Props;
}

/**
 * At most `max` characters, cut at a word boundary, with "…" when cut.
 * @example shorten("Wang Yi and Sergey Lavrov met 18 times", 20) // "Wang Yi and Sergey…"
 */
export function shorten(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, "")}…`;
}

/** Date properties under a prefix: `date` → dateStart, dateEnd, datePrecision, dateQualifier, dateText, dateNote. */
function dateProps(prefix: string, spec: DateSpec | null | undefined): Props {
  if (!spec) return {};
  const date: ResolvedDate = resolveDate(spec);
  return props({
    [`${prefix}Start`]: date.start,
    [`${prefix}End`]: date.end,
    [`${prefix}Precision`]: date.precision,
    [`${prefix}Qualifier`]: date.qualifier,
    [`${prefix}Text`]: date.text,
    [`${prefix}Note`]: date.note,
  });
}

/**
 * The span class of a date's bounds (server/domain/span-classes.ts), under `key`: what the
 * timeline's window reads by (docs/performance.md). None without a start.
 */
function spanClassProp(key: string, bounds: Props, prefix: string): Props {
  const start = bounds[`${prefix}Start`];
  const end = bounds[`${prefix}End`];
  const value = spanClassOf(typeof start === "string" ? start : undefined, typeof end === "string" ? end : undefined);
  return value === undefined ? {} : { [key]: value };
}

/** The flat quantity properties of a claim (docs/data-model.md). */
function quantityProps(quantity: Claim["quantity"]): Props {
  if (!quantity) return {};
  return props({
    measure: quantity.measure,
    value: quantity.value,
    unit: quantity.unit,
    qualifier: quantity.qualifier,
    outOf: quantity.outOf,
    ...dateProps("period", quantity.period),
    changeValue: quantity.change?.value,
    changeUnit: quantity.change?.unit,
    changeDirection: quantity.change?.direction,
    changeBase: quantity.change?.base,
    changeBaseValue: quantity.change?.baseValue,
  });
}

/** `passage:<source slug>:<start>-<end>`, stable as long as the source text does not change. */
export function passageId(sourceId: string, start: number, end: number): string {
  return `passage:${sourceId.replace(/^source:/, "")}:${start}-${end}`;
}

/** The rows one record resolves to: its node(s) (and new passages) and its relationships. */
export interface RecordRows {
  nodes: { label: NodeLabel; row: NodeRow }[];
  relationships: { type: RelType; row: RelRow }[];
}

/** What resolving one record needs from the rest of the dataset. */
export interface ResolveContext {
  /** A source's text (validated: always there for an evidenced source). */
  sourceText(id: string): SourceText | undefined;
  /** An actor's name, for a source's author and a role's "of". */
  actorName(id: string): string | undefined;
}

/**
 * Resolves records one at a time (every relationship starts at the record, or at a passage it
 * creates, so duplicates are merged within the record); passages are created once across all
 * records. Memory grows only with the set of passage ids.
 * @example const resolver = recordResolver(ctx); const { nodes, relationships } = resolver.event(event)
 */
export function recordResolver(ctx: ResolveContext) {
  const seenPassages = new Set<string>();
  // Keyed by the source object, not its id: holding every text seen would unbound the streaming reader's cache.
  const furnitureOf = furnitureCache();

  const begin = () => {
    const out: RecordRows = { nodes: [], relationships: [] };
    const relKeys = new Map<string, RelRow>();
    /** Adds a relationship once per (type, from, to[, key]); a repeat merges its evidence. */
    const relate = (type: RelType, from: string, to: string, values: Props = {}, key = "") => {
      const id = `${type}|${from}|${to}|${key}`;
      const existing = relKeys.get(id);
      if (existing) {
        const evidence = values.evidence;
        if (Array.isArray(evidence) && Array.isArray(existing.props.evidence)) {
          existing.props.evidence = [...new Set([...existing.props.evidence, ...evidence])];
        }
        return;
      }
      const row = { from, to, props: values };
      relKeys.set(id, row);
      out.relationships.push({ type, row });
    };
    /** The passage ids of an evidence list, creating each passage once. */
    const passagesOf = (list: readonly Evidence[]): string[] => {
      const ids: string[] = [];
      for (const evidence of list) {
        const source = ctx.sourceText(evidence.source);
        const found = source ? locate(source.text, evidence) : undefined;
        if (!source || !found?.found) throw new Error(`resolveDataset: evidence "${evidence.exact}" was not validated`);
        const id = passageId(evidence.source, found.start, found.end);
        if (!seenPassages.has(id)) {
          seenPassages.add(id);
          const paragraph = paragraphAround(source.text, found.start, found.end, furnitureOf(source));
          out.nodes.push({
            label: "Passage",
            row: {
              id,
              props: props({
                id,
                name: shorten(evidence.exact),
                exact: evidence.exact,
                prefix: evidence.prefix,
                suffix: evidence.suffix,
                start: found.start,
                end: found.end,
                paragraph: paragraph.text,
                paragraphOffset: paragraph.offset,
                sourceId: evidence.source,
              }),
            },
          });
          relate("IN_SOURCE", id, evidence.source);
        }
        if (!ids.includes(id)) ids.push(id);
      }
      return ids;
    };
    const node = (label: NodeLabel, row: NodeRow) => out.nodes.push({ label, row });
    return { out, relate, passagesOf, node };
  };

  return {
    /** The ids of the passages created so far. */
    passages: seenPassages as ReadonlySet<string>,

    source({ document, text }: SourceText): RecordRows {
      const { out, relate, node } = begin();
      node("Source", {
        id: document.id,
        props: props({
          id: document.id,
          name: document.title,
          title: document.title,
          nameKeys: nameKeys(document.title),
          author: document.author ? ctx.actorName(document.author) : null,
          authorAffiliation: document.authorAffiliation,
          publisher: document.publisher,
          url: document.url,
          ...dateProps("published", document.published),
          language: document.language,
          file: document.file,
          content: text,
          // What the source intake compares a new text's hash with: the same text is recognised.
          contentSha256: contentSha256(text),
        }),
      });
      if (document.author) relate("AUTHORED_BY", document.id, document.author);
      return out;
    },

    actor(actor: Actor): RecordRows {
      const { out, relate, passagesOf, node } = begin();
      const evidenced = passagesOf(actor.evidence);
      const roles = actor.roles.map((role) => {
        const evidence = passagesOf(role.evidence);
        evidenced.push(...evidence);
        const date = role.date ? resolveDate(role.date) : undefined;
        if (role.of) {
          relate(
            "HOLDS_ROLE",
            actor.id,
            role.of,
            props({
              title: role.title,
              qualifier: role.qualifier,
              ...dateProps("date", role.date),
              certainty: role.certainty,
              note: role.note,
              evidence,
            }),
            role.title,
          );
        }
        const of = role.of ? ctx.actorName(role.of) : undefined;
        return `${role.qualifier ? `${role.qualifier} ` : ""}${role.title}${of ? `, ${of}` : ""}${date ? ` (${date.text})` : ""}`;
      });
      for (const membership of actor.memberOf) {
        const evidence = passagesOf(membership.evidence);
        evidenced.push(...evidence);
        relate(
          "MEMBER_OF",
          actor.id,
          membership.forum,
          props({ certainty: membership.certainty, note: membership.note, evidence }),
        );
      }
      node("Actor", {
        id: actor.id,
        props: props({
          id: actor.id,
          name: actor.name,
          kind: actor.kind,
          aliases: actor.aliases,
          aliasText: actor.aliases.join(" ") || null,
          nameKeys: nameKeys(actor.name, actor.aliases),
          roles,
          description: actor.description,
        }),
      });
      for (const passage of new Set(evidenced)) relate("EVIDENCED_BY", actor.id, passage);
      return out;
    },

    forum(forum: Forum): RecordRows {
      const { out, relate, passagesOf, node } = begin();
      const evidence = passagesOf(forum.evidence);
      node("Forum", {
        id: forum.id,
        props: props({
          id: forum.id,
          name: forum.name,
          kind: forum.kind,
          aliases: forum.aliases,
          aliasText: forum.aliases.join(" ") || null,
          nameKeys: nameKeys(forum.name, forum.aliases),
          description: forum.description,
        }),
      });
      if (forum.partOf) relate("PART_OF", forum.id, forum.partOf, { evidence });
      for (const passage of evidence) relate("EVIDENCED_BY", forum.id, passage);
      return out;
    },

    event(event: Event): RecordRows {
      const { out, relate, passagesOf, node } = begin();
      const evidence = passagesOf(event.evidence);
      const date = dateProps("date", event.date);
      node("Event", {
        id: event.id,
        props: props({
          id: event.id,
          name: event.name,
          nameKeys: nameKeys(event.name),
          kind: event.kind,
          ...date,
          ...spanClassProp("dateSpanClass", date, "date"),
          place: event.place,
          description: event.description,
          certainty: event.certainty,
          note: event.note,
        }),
      });
      for (const participant of event.participants) {
        relate(
          "PARTICIPATED_IN",
          participant.actor,
          event.id,
          props({ role: participant.role, certainty: participant.certainty, note: participant.note, evidence }),
        );
      }
      for (const forum of event.forums) relate("AT_FORUM", event.id, forum, { evidence });
      if (event.partOf) relate("PART_OF", event.id, event.partOf, { evidence });
      for (const passage of evidence) relate("EVIDENCED_BY", event.id, passage);
      return out;
    },

    claim(claim: Claim): RecordRows {
      const { out, relate, passagesOf, node } = begin();
      const evidence = passagesOf(claim.evidence);
      const quantity = quantityProps(claim.quantity);
      const date = dateProps("date", claim.date);
      node("Claim", {
        id: claim.id,
        props: props({
          id: claim.id,
          name: shorten(claim.text),
          kind: claim.kind,
          text: claim.text,
          ...quantity,
          ...date,
          // The timeline places a claim by its own date, else by its quantity's period: only the
          // date it is placed by gets a class, so each class index holds just what the timeline lists.
          ...spanClassProp("dateSpanClass", date, "date"),
          ...(date.dateStart === undefined ? spanClassProp("periodSpanClass", quantity, "period") : {}),
          certainty: claim.certainty,
          note: claim.note,
        }),
      });
      for (const subject of claim.about) relate("ABOUT", claim.id, subject, { evidence });
      for (const speaker of claim.statedBy) relate("STATED_BY", claim.id, speaker, { evidence });
      for (const other of claim.contradicts) {
        relate("CONTRADICTS", claim.id, other.claim, { note: other.note, evidence });
      }
      for (const passage of evidence) relate("EVIDENCED_BY", claim.id, passage);
      return out;
    },

    /** evidence.yaml: a passage of this dataset's source as evidence of a record defined here or elsewhere. */
    extraEvidence(entry: ExtraEvidence): RecordRows {
      const { out, relate, passagesOf } = begin();
      for (const passage of passagesOf([entry])) relate("EVIDENCED_BY", entry.of, passage, props({ note: entry.note }));
      return out;
    },
  };
}

/** Resolves a record of pass 2 with `resolver`, by its kind. */
export function resolveRecord(resolver: ReturnType<typeof recordResolver>, record: AnyRecord): RecordRows {
  switch (record.kind) {
    case "source":
      return resolver.source(record.value);
    case "actor":
      return resolver.actor(record.value);
    case "forum":
      return resolver.forum(record.value);
    case "event":
      return resolver.event(record.value);
    case "claim":
      return resolver.claim(record.value);
  }
}

/** The Dataset node's row: the manifest, the files' checksum and the loader's version. */
export function datasetRow(manifest: Manifest, checksum: string): NodeRow {
  const datasetId = `dataset:${manifest.id}`;
  return {
    id: datasetId,
    props: props({
      id: datasetId,
      name: manifest.title,
      title: manifest.title,
      description: manifest.description,
      version: manifest.version,
      checksum,
      loaderVersion: LOADER_VERSION,
    }),
  };
}

/** The graph rows of a valid dataset. Throws only if handed a dataset that did not pass validation. */
export function resolveDataset(dataset: ValidDataset): GraphRows {
  const nodes: Record<NodeLabel, NodeRow[]> = { Source: [], Passage: [], Actor: [], Forum: [], Event: [], Claim: [] };
  const relationships = Object.fromEntries(REL_TYPES.map((type) => [type, [] as RelRow[]])) as Record<
    RelType,
    RelRow[]
  >;
  const sources = new Map<string, SourceText>(dataset.sources.map((source) => [source.document.id, source]));
  const actorNames = new Map(dataset.actors.map((actor) => [actor.id, actor.name]));
  const resolver = recordResolver({ sourceText: (id) => sources.get(id), actorName: (id) => actorNames.get(id) });
  const add = (rows: RecordRows) => {
    for (const { label, row } of rows.nodes) nodes[label].push(row);
    for (const { type, row } of rows.relationships) relationships[type].push(row);
  };
  for (const source of dataset.sources) add(resolver.source(source));
  for (const actor of dataset.actors) add(resolver.actor(actor));
  for (const forum of dataset.forums) add(resolver.forum(forum));
  for (const event of dataset.events) add(resolver.event(event));
  for (const claim of dataset.claims) add(resolver.claim(claim));
  for (const entry of dataset.evidence) add(resolver.extraEvidence(entry));
  nodes.Passage.sort((a, b) => a.id.localeCompare(b.id));
  return { dataset: datasetRow(dataset.manifest, dataset.checksum), nodes, relationships, check: dataset.graphCheck };
}
