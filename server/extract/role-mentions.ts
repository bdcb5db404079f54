/**
 * People named by their office alone: "the Chinese leader", "the Russian president", "Russia’s
 * foreign minister". The country is read from the demonym or the possessive, the state resolved
 * like any name, and the office looked up among the roles the graph records for that state; the
 * phrase is proposed only when some holder is known, and links to a holder only when one alone
 * holds the office now.
 */
import { fold } from "../lib/search-words.js";
import type { NameMention } from "./names.js";
import type { Candidate, EntityResolver, RoleHolder } from "./types.js";

export interface RolePhrase {
  start: number;
  end: number;
  text: string;
  /** Names the country may have ("Chinese" → China), to resolve to a state. */
  countries: string[];
  /** Role titles (folded) that hold the office ("leader" → president, prime minister…). */
  titles: string[];
}

/** Offices as written, and the role titles they name. */
const OFFICES: Record<string, string[]> = {
  leader: ["president", "prime minister", "premier", "chancellor", "general secretary", "supreme leader", "king"],
  "head of state": ["president", "king", "queen", "emir"],
  "top diplomat": ["foreign minister", "foreign secretary", "secretary of state", "minister of foreign affairs"],
  president: ["president"],
  "prime minister": ["prime minister"],
  premier: ["premier", "prime minister"],
  chancellor: ["chancellor"],
  "foreign minister": ["foreign minister", "minister of foreign affairs"],
  "defence minister": ["defence minister", "defense minister", "minister of defence"],
  "defense minister": ["defense minister", "defence minister", "minister of defense"],
  "finance minister": ["finance minister", "minister of finance"],
};
/** The offices as a pattern, each word with either case of its first letter ("president", "President"). */
const OFFICE = Object.keys(OFFICES)
  .sort((a, b) => b.length - a.length)
  .map((office) => office.replace(/\b(\p{Ll})/gu, (l) => `[${l}${l.toUpperCase()}]`))
  .join("|");
/** Demonyms whose country's name is not their stem. */
const IRREGULAR: Record<string, string[]> = {
  French: ["France"],
  British: ["United Kingdom", "Britain"],
  Dutch: ["Netherlands"],
  Swiss: ["Switzerland"],
  Greek: ["Greece"],
  Irish: ["Ireland"],
  Saudi: ["Saudi Arabia"],
  American: ["United States", "America"],
  Filipino: ["Philippines"],
};
const THE_DEMONYM = new RegExp(String.raw`\b[Tt]he\s+(\p{Lu}\p{Ll}+)\s+(${OFFICE})\b(?!\s+\p{Lu})`, "gu");
const POSSESSIVE = new RegExp(
  String.raw`\b(\p{Lu}[\p{L}.]+(?:\s\p{Lu}\p{Ll}+)?)['’]s\s+(${OFFICE})\b(?!\s+\p{Lu})`,
  "gu",
);

/** Country names a demonym may stand for ("Chinese" → China, "Russian" → Russia, "Kazakh" → Kazakhstan). */
function countriesOf(demonym: string): string[] {
  const irregular = IRREGULAR[demonym];
  if (irregular) return irregular;
  const out = new Set<string>();
  const stem = demonym.replace(/(?:ese|ian|ean|an|ish|i|e)$/, "");
  if (stem.length >= 3) for (const end of ["", "a", "ia", "e", "y", "ey"]) out.add(stem + end);
  for (const end of ["y", "stan", "a"]) out.add(demonym + end);
  return [...out];
}

/**
 * Office phrases in `text` ("the Chinese leader"; "Russia’s foreign minister", whose country is
 * left to the name it starts with: the phrase is the office alone).
 */
export function findRolePhrases(text: string): RolePhrase[] {
  const out: RolePhrase[] = [];
  for (const m of text.matchAll(THE_DEMONYM)) {
    const [whole, demonym, office] = m as unknown as [string, string, string];
    const start = (m.index ?? 0) + whole.indexOf(demonym);
    const end = (m.index ?? 0) + whole.length;
    const titles = OFFICES[office.toLowerCase()] ?? [];
    out.push({ start, end, text: text.slice(start, end), countries: countriesOf(demonym), titles });
  }
  for (const m of text.matchAll(POSSESSIVE)) {
    const [whole, country, office] = m as unknown as [string, string, string];
    const end = (m.index ?? 0) + whole.length;
    const start = end - office.length;
    const titles = OFFICES[office.toLowerCase()] ?? [];
    out.push({ start, end, text: text.slice(start, end), countries: [country], titles });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Whether a role is held at `at` (a former role, "then", or one ended before, is not). */
function current(holder: RoleHolder, at: string | undefined): boolean {
  if (holder.qualifier === "then") return false;
  return holder.end === null || at === undefined || holder.end >= at.slice(0, 10);
}

/**
 * Name proposals for the office phrases whose country resolved to a state and whose office has
 * known holders: the one current holder is the best candidate; several are alternatives only.
 */
export async function resolveRolePhrases(
  phrases: readonly RolePhrase[],
  states: ReadonlyMap<string, Candidate[]>,
  resolver: EntityResolver,
  publishedAt: string | undefined,
): Promise<(NameMention & { candidates: Candidate[] })[]> {
  if (!resolver.roleHolders || phrases.length === 0) return [];
  const queries = phrases.flatMap((p, k) => {
    const state = p.countries
      .flatMap((c) => states.get(c) ?? [])
      .find((c) => c.label === "Actor" && c.kind === "state" && c.score >= 0.97);
    return state ? [{ key: String(k), state: state.entity, titles: p.titles }] : [];
  });
  if (queries.length === 0) return [];
  const found = await resolver.roleHolders(queries);
  const out: (NameMention & { candidates: Candidate[] })[] = [];
  phrases.forEach((p, k) => {
    const holders = (found.get(String(k)) ?? []).filter((h) => p.titles.includes(fold(h.title)));
    if (holders.length === 0) return;
    const now = holders.filter((h) => current(h, publishedAt));
    const one = now.length === 1 ? now[0] : undefined;
    const candidates: Candidate[] = [...new Map(holders.map((h) => [h.entity, h])).values()].map((h) => ({
      entity: h.entity,
      name: h.name,
      label: "Actor",
      kind: "person",
      score: h === one ? 0.85 : 0.6,
      how: `the role "${h.title}"`,
    }));
    candidates.sort((a, b) => b.score - a.score || a.entity.localeCompare(b.entity));
    out.push({
      start: p.start,
      end: p.end,
      text: p.text,
      kind: "actor",
      type: "person",
      score: one ? 0.8 : 0.5,
      reason: one
        ? "An office the graph records one current holder of."
        : "An office the graph records several holders of (alternatives).",
      candidates,
    });
  });
  return out;
}
