/**
 * Entity resolvers: link a document's mentions to the actors and forums the graph holds.
 * `graphResolver` asks Neo4j's search indexes in batches (bounded by the document, not the graph);
 * `memoryResolver` does the same over a dataset held in memory (the CLI and the bench);
 * `emptyResolver` knows nothing (a cold start: the recogniser alone).
 */

import { z } from "zod";
import { escapeLucene } from "../domain/lucene.js";
import { fold, nameKey, STOP_WORDS, words } from "../lib/search-words.js";
import { defineQuery, type QueryRunner } from "../neo4j/query-runner.js";
import { graphEventLookup, type KnownEvent, memoryEventLookup } from "./event-lookup.js";
import { graphRoleLookup, type KnownRole, memoryRoleLookup } from "./role-lookup.js";
import { sameWord, spellingVariants } from "./spellings.js";
import type { Candidate, EntityResolver, Mention } from "./types.js";

/** A node as the resolvers see it. */
export interface KnownName {
  entity: string;
  name: string;
  aliases: readonly string[];
  label: "Actor" | "Forum";
  kind: string | null;
  roles?: readonly string[];
}

/** Russian patronymics ("Vladimirovich", "Sergeyevna"), which names in the graph seldom spell out. */
const PATRONYMIC = /^\p{L}{3,}(?:ovich|evich|ovna|evna|ichna)$/u;

/** Mentions per query, and hits kept per mention and index: the bounds of one lookup. */
const BATCH = 200;
const FETCH = 8;

export const emptyResolver: EntityResolver = {
  name: "empty",
  resolve: async () => new Map(),
};

/** The content words of a mention, folded ("Sergei Shoigu’s" → ["sergei", "shoigu"]). */
function mentionWords(text: string): string[] {
  return words(text).filter((w) => !STOP_WORDS.has(w));
}

/**
 * How well a mention names a node: 1 for its exact name, 0.97 for an alias; for word matches,
 * the share of the name's words the mention gives (initials and transliterations count less).
 * Null when some word of the mention is not in the name.
 */
export function matchScore(
  mention: string,
  node: Pick<KnownName, "name" | "aliases">,
): { score: number; how: string } | null {
  const key = nameKey(mention);
  if (key === null) return null;
  if (nameKey(node.name) === key) return { score: 1, how: "name" };
  if (node.aliases.some((alias) => nameKey(alias) === key)) return { score: 0.97, how: "alias" };
  const wanted = mentionWords(mention);
  // Initials written together ("V.V. Putin" → "vv"): a first name's initial, then middle ones.
  const dotted = new Set((mention.match(/(?:\p{Lu}\.){2,}/gu) ?? []).map((m) => fold(m.replace(/\./g, ""))));
  let best: { score: number; how: string } | null = null;
  names: for (const candidate of [node.name, ...node.aliases]) {
    const have = mentionWords(candidate);
    if (have.length === 0) continue;
    let matched = 0;
    let penalty = 0;
    const used = new Set<number>();
    for (const [w, word] of wanted.entries()) {
      const initials = dotted.has(word) && !have.includes(word);
      const first = initials ? word.charAt(0) : word;
      const at = have.findIndex(
        (h, k) => !used.has(k) && (h === first || (first.length === 1 && h.startsWith(first)) || sameWord(h, first)),
      );
      // A middle initial or patronymic the name does not spell out ("Vladimir V. Putin",
      // "Vladimir Vladimirovich Putin") is passed over.
      if (at === -1 && (word.length === 1 || PATRONYMIC.test(word)) && w > 0 && w < wanted.length - 1) {
        penalty += 0.05;
        continue;
      }
      if (at === -1) continue names;
      used.add(at);
      matched++;
      const h = have[at] as string;
      if (h !== word) penalty += first.length === 1 ? 0.05 * word.length : 0.08;
    }
    const score = Math.max(0, 0.55 + 0.4 * (matched / have.length) - penalty);
    best = bestOf(best, { score, how: penalty > 0 ? "initials or transliteration" : "words" });
  }
  return best;
}

function bestOf(a: { score: number; how: string } | null, b: { score: number; how: string } | null) {
  if (!a) return b;
  if (!b) return a;
  return b.score > a.score ? b : a;
}

/** Candidates of each mention from the nodes found for it, best first; a title that matches a role breaks ties. */
function rank(mention: Mention & { title?: string }, nodes: Iterable<KnownName>): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Set<string>();
  for (const node of nodes) {
    if (seen.has(node.entity)) continue;
    seen.add(node.entity);
    const match = matchScore(mention.text, node);
    if (!match) continue;
    let score = match.score;
    // One word of a person's name that is not their surname ("Sergey", "Vladimir") names many people.
    const single = mentionWords(mention.text);
    if (node.kind === "person" && match.how !== "name" && match.how !== "alias" && single.length === 1) {
      const last = mentionWords(node.name).at(-1) ?? "";
      if (!sameWord(last, single[0] as string)) score -= 0.15;
    }
    const title = mention.title ? fold(mention.title) : null;
    if (title && node.roles?.some((role) => fold(role).includes(title))) score = Math.min(1, score + 0.02);
    out.push({
      entity: node.entity,
      name: node.name,
      label: node.label,
      kind: node.kind,
      score: round(score),
      how: match.how,
    });
  }
  return out.sort((a, b) => b.score - a.score || a.entity.localeCompare(b.entity));
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * A resolver over names (and events, for meetings; roles, for offices) held in memory (a dataset read from its
 * folder): for the command line and the bench, not the server, which asks the graph.
 */
export function memoryResolver(
  names: readonly KnownName[],
  known: { events?: readonly KnownEvent[]; roles?: readonly KnownRole[] } = {},
): EntityResolver {
  const byWord = new Map<string, KnownName[]>();
  for (const node of names) {
    for (const word of new Set([node.name, ...node.aliases].flatMap(mentionWords))) {
      const list = byWord.get(word) ?? [];
      list.push(node);
      byWord.set(word, list);
    }
  }
  return {
    name: "memory",
    ...(known.events ? { events: memoryEventLookup(known.events) } : {}),
    ...(known.roles ? { roleHolders: memoryRoleLookup(known.roles) } : {}),
    async resolve(mentions) {
      const out = new Map<string, Candidate[]>();
      for (const mention of mentions) {
        if (out.has(mention.text)) continue;
        const pool = new Set<KnownName>();
        if (mention.exact) {
          const key = nameKey(mention.text);
          for (const node of names) if ([node.name, ...node.aliases].some((n) => nameKey(n) === key)) pool.add(node);
          out.set(mention.text, rank(mention, pool));
          continue;
        }
        for (const word of mentionWords(mention.text)) {
          for (const [key, list] of byWord) {
            if (key === word || (word.length === 1 && key.startsWith(word)) || sameWord(key, word))
              for (const n of list) pool.add(n);
          }
        }
        out.set(mention.text, rank(mention, pool));
      }
      return out;
    },
  };
}

const candidatesQuery = defineQuery<{
  mentions: { text: string; keys: string | null; names: string | null }[];
  fetch: number;
}>("extract/candidates", "READ").rows({
  mention: z.string(),
  how: z.string(),
  score: z.number(),
  labels: z.array(z.string()),
  props: z.object({
    id: z.string(),
    name: z.string(),
    aliases: z.array(z.string()).nullable(),
    kind: z.string().nullable(),
    roles: z.array(z.string()).nullable(),
  }),
});

/** The Lucene queries of one mention: its whole key, and every word required (initials as prefixes, long words in their other spellings, fuzzy). */
function luceneOf(text: string): { keys: string | null; names: string | null } {
  const key = nameKey(text);
  const list = mentionWords(text);
  const dotted = new Set((text.match(/(?:\p{Lu}\.){2,}/gu) ?? []).map((m) => fold(m.replace(/\./g, ""))));
  const names =
    list.length === 0
      ? null
      : list
          // A middle initial or patronymic is not required: the name may not spell it out.
          .filter((word, k) => (word.length > 1 && !PATRONYMIC.test(word)) || k === 0 || k === list.length - 1)
          .map((word) => {
            const term = escapeLucene(word);
            if (word.length === 1) return `nameKeys:${term}*`;
            // Initials written together ("V.V." → "vv"): the first one's prefix, or the word itself ("U.S." → "us").
            if (dotted.has(word)) return `(nameKeys:${term} OR nameKeys:${escapeLucene(word.charAt(0))}*)`;
            if (word.length < 3) return `nameKeys:${term}`;
            // Other romanisations of the word (Evgenii: Yevgeny, Yury: Yuri…), long ones with one edit allowed.
            const fuzzy = word.length >= 5 ? "~1" : "";
            const spellings = spellingVariants(word).map((v) => `nameKeys:${escapeLucene(v)}${fuzzy}`);
            return `(nameKeys:${term} OR ${spellings.join(" OR ")})`;
          })
          .join(" AND ");
  return { keys: key === null ? null : `nameKeys:"${escapeLucene(key)}"`, names };
}

/**
 * Resolves through the graph's full-text name indexes (cypher/extract/candidates.cypher), in
 * batches of mentions, each capped: a graph of 50,000 actors costs the same few index lookups.
 */
export function graphResolver(runner: QueryRunner, signal?: AbortSignal): EntityResolver {
  return {
    name: "graph",
    events: graphEventLookup(runner, signal),
    roleHolders: graphRoleLookup(runner, signal),
    async resolve(mentions) {
      const unique = [...new Map(mentions.map((m) => [m.text, m])).values()];
      const found = new Map<string, KnownName[]>();
      for (let i = 0; i < unique.length; i += BATCH) {
        const batch = unique.slice(i, i + BATCH).map((m) => {
          const lucene = luceneOf(m.text);
          return { text: m.text, keys: lucene.keys, names: m.exact ? null : lucene.names };
        });
        const { rows } = await runner.run(candidatesQuery, { mentions: batch, fetch: FETCH }, { signal });
        for (const { props, labels, mention } of rows) {
          const list = found.get(mention) ?? [];
          list.push({
            entity: props.id,
            name: props.name,
            aliases: props.aliases ?? [],
            label: labels.includes("Forum") ? "Forum" : "Actor",
            kind: props.kind ?? null,
            roles: props.roles ?? [],
          });
          found.set(mention, list);
        }
      }
      return new Map(unique.map((m) => [m.text, rank(m, found.get(m.text) ?? [])]));
    },
  };
}
