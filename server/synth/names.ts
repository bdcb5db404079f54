/**
 * Invented names for the synthetic generator: people, states, organisations, forums and places
 * built from word lists, so that thousands of names share words (as real names do) while every
 * node's name stays unique.
 */
import { nameKey, words } from "../lib/search-words.js";

const ONSETS =
  "Ar Bel Cor Dal El Fen Gar Hal Ir Jor Kas Lor Mar Nor Or Pel Quin Ros Sal Tor Ul Var Wen Yar Zel Ad Bran Cael Dor Est".split(
    " ",
  );
const FIRST_ENDINGS = "an en in on ia a o el is us".split(" ");
const LAST_MIDDLES = "ba de gri ko lan me no pa ri sto va we".split(" ");
const LAST_ENDINGS = "v ski nov ra lin dez mar tis rov berg".split(" ");
const STATE_ENDINGS = "ia land stan ora esh avia ar is".split(" ");
const CAPITAL_ENDINGS = "grad mora polis ville hold port stead".split(" ");
const STATE_FORMS = ["{}", "Republic of {}", "Kingdom of {}", "Federation of {}", "{}", "United {}"];

const TOPICS =
  "Maritime Energy Security Trade Cooperation Development Climate Finance Digital Health Agricultural Space Nuclear Arctic Water".split(
    " ",
  );
const REGIONS =
  "Northern Southern Eastern Western Central Atlantic Pacific Coastal Continental Meridian Boreal Austral Inland Highland".split(
    " ",
  );
const FORUM_BODIES: readonly (readonly [string, "summit" | "organisation" | "conference" | "bloc" | "un-body"])[] = [
  ["Forum", "conference"],
  ["Summit", "summit"],
  ["Council", "organisation"],
  ["Organisation", "organisation"],
  ["Conference", "conference"],
  ["Dialogue", "conference"],
  ["Partnership", "bloc"],
  ["Union", "bloc"],
  ["Assembly", "un-body"],
  ["Commission", "un-body"],
];
const ORG_BODIES = "Institute Council Foundation Association".split(" ");
const AGENCY_BODIES = "Agency Service Bureau Directorate".split(" ");
const COMPANY_BODIES = "Corporation Group Holdings Company".split(" ");
const INDUSTRIES = "Energy Shipping Mining Steel Telecom Aerospace Grain Rail Chemicals Logistics".split(" ");
const MILITARY_UNITS = "Fleet Army Air Wing Brigade Division".split(" ");
const GROUP_FORMS = "Movement Front Alliance Network Brigades".split(" ");
const GROUP_ADJECTIVES = "Free Popular Patriotic Democratic Revolutionary National".split(" ");
const REGION_FORMS = "Highlands Coast Delta Basin".split(" ");
const DIRECTIONS = "Northern Southern Eastern Western Upper Lower Greater Outer".split(" ");

/**
 * The index-th combination of the lists (mixed radix after a bijective scramble, so neighbours
 * differ in every part), or null past the last combination.
 * @example combination([["a", "b"], ["x", "y"]], 3) // one of the four pairs, each index a different one
 */
export function combination(lists: readonly (readonly string[])[], index: number): string[] | null {
  const total = lists.reduce((n, list) => n * list.length, 1);
  if (index >= total) return null;
  let scramble = 2_654_435_761 % total || 1;
  while (gcd(scramble, total) !== 1) scramble++;
  let rest = Number((BigInt(index) * BigInt(scramble) + 7n) % BigInt(total));
  return lists.map((list) => {
    const part = list[rest % list.length] as string;
    rest = Math.floor(rest / list.length);
    return part;
  });
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

const ROMAN = ["", " II", " III", " IV", " V", " VI", " VII", " VIII", " IX", " X"];

/** Hands out names and aliases unique by search key across the whole dataset, and slug ids unique per kind. */
export class NameBook {
  readonly #keys = new Set<string>();
  readonly #slugs = new Set<string>();

  /** The name, or the name with a numeral when its key is taken. */
  unique(name: string): string {
    for (let n = 0; ; n++) {
      const candidate = n < ROMAN.length ? `${name}${ROMAN[n]}` : `${name} ${n + 1}`;
      const key = nameKey(candidate) ?? candidate;
      if (!this.#keys.has(key)) {
        this.#keys.add(key);
        return candidate;
      }
    }
  }

  /** The alias when no name or alias has its key yet, else nothing. */
  alias(alias: string): string[] {
    const key = nameKey(alias) ?? alias;
    if (this.#keys.has(key)) return [];
    this.#keys.add(key);
    return [alias];
  }

  /** `prefix:kebab-slug`, unique. */
  id(prefix: string, name: string): string {
    const slug = words(name).join("-").slice(0, 60).replace(/-+$/, "") || "x";
    for (let n = 1; ; n++) {
      const id = `${prefix}:${n === 1 ? slug : `${slug}-${n}`}`;
      if (!this.#slugs.has(id)) {
        this.#slugs.add(id);
        return id;
      }
    }
  }
}

const cap = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
const orElse = (parts: string[] | null, index: number, fallback: string) => parts ?? [`${fallback} ${index + 1}`];

const FIRSTS = ONSETS.flatMap((onset) => FIRST_ENDINGS.map((ending) => `${onset}${ending}`));
const LASTS = ONSETS.flatMap((onset) =>
  LAST_MIDDLES.flatMap((middle) => LAST_ENDINGS.map((ending) => cap(`${onset}${middle}${ending}`.toLowerCase()))),
);

/** A person's first and last name: 300 first names and 3,600 surnames, so many people share each. */
export function personName(index: number): string {
  return (combination([FIRSTS, LASTS], index) ?? [`Person ${index + 1}`]).join(" ");
}

/** A state's short name, the form it is called by, and its capital. */
export function stateName(index: number): { short: string; name: string; capital: string } {
  const parts = orElse(combination([ONSETS, LAST_MIDDLES, STATE_ENDINGS], index), index, "State");
  const short = cap(parts.join("").toLowerCase());
  const capital = cap(
    (combination([LAST_MIDDLES, ONSETS, CAPITAL_ENDINGS], index) ?? [short, "ton"]).join("").toLowerCase(),
  );
  const form = STATE_FORMS[index % STATE_FORMS.length] as string;
  return { short, name: form.replace("{}", short), capital };
}

export function forumName(index: number): { name: string; kind: (typeof FORUM_BODIES)[number][1]; acronym: string } {
  const parts = orElse(combination([REGIONS, TOPICS], index), index, "Forum");
  const [body, kind] = FORUM_BODIES[index % FORUM_BODIES.length] as (typeof FORUM_BODIES)[number];
  const name = `${parts.join(" ")} ${body}`;
  return {
    name,
    kind,
    acronym: name
      .split(" ")
      .map((word) => word.charAt(0))
      .join(""),
  };
}

/** Names of the other kinds of actor, built on a state's short name where they belong to one. */
export function organisationName(index: number, state: string): string {
  return `${state} ${combination([TOPICS, ORG_BODIES], index)?.join(" ") ?? `Institute ${index + 1}`}`;
}
export function agencyName(index: number, state: string): string {
  return `${state} ${combination([TOPICS, AGENCY_BODIES], index)?.join(" ") ?? `Agency ${index + 1}`}`;
}
export function companyName(index: number): string {
  const [maker, industry, body] = orElse(combination([LASTS, INDUSTRIES, COMPANY_BODIES], index), index, "Company");
  return [maker, industry, body].filter(Boolean).join(" ");
}
export function militaryName(index: number, state: string): string {
  const unit = MILITARY_UNITS[index % MILITARY_UNITS.length] as string;
  return `${ordinal(Math.floor(index / MILITARY_UNITS.length) + 1)} ${unit} of ${state}`;
}
export function groupName(index: number, state: string): string {
  // Past the 30 combinations a state's groups are numbered ("Group 31 of …").
  const parts = orElse(combination([GROUP_ADJECTIVES, GROUP_FORMS], index), index, "Group");
  return `${parts.join(" ")} of ${state}`;
}
export function regionName(index: number, state: string): string {
  return index % 2 === 0
    ? `${DIRECTIONS[Math.floor(index / 2) % DIRECTIONS.length]} ${state}`
    : `${state} ${REGION_FORMS[Math.floor(index / 2) % REGION_FORMS.length]}`;
}

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${suffix}`;
}

/** Words for topics of talks, exercises and votes. */
export const TOPIC_WORDS: readonly string[] = TOPICS.map((topic) => topic.toLowerCase());
