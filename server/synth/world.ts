/**
 * The standing cast of a synthetic dataset: actors of every kind (roles, memberships) and forums,
 * written to actors.yaml and forums.yaml with the directory sources that evidence them.
 */
import type { Counts } from "./counts.js";
import {
  agencyName,
  companyName,
  forumName,
  groupName,
  militaryName,
  type NameBook,
  organisationName,
  personName,
  regionName,
  stateName,
  TOPIC_WORDS,
} from "./names.js";
import { type Random, Zipf } from "./random.js";
import type { SizeSpec } from "./sizes.js";
import { type Quote, SourceText } from "./text.js";
import { type Sink, yamlItem } from "./writer.js";

type ActorKind = "person" | "state" | "organisation" | "agency" | "company" | "military" | "group" | "region";

export interface ActorInfo {
  id: string;
  name: string;
  kind: ActorKind;
  /** How a sentence or an event name refers to it briefly: a surname, a state's short name. */
  short: string;
  /** Index of the actor's state in `World.actors`, or -1. */
  home: number;
  /** Where it usually meets: a state's capital, or its state's. */
  place: string;
  aliases: string[];
}

interface ForumInfo {
  id: string;
  name: string;
  aliases: string[];
  kind: string;
  partOf?: string;
}

export interface World {
  actors: ActorInfo[];
  states: number[];
  persons: number[];
  forums: ForumInfo[];
  /** Actor indexes from the most to the least active; `zipf` draws ranks into it. */
  prominence: number[];
  zipf: Zipf;
  forumZipf: Zipf;
  capitals: string[];
}

const ROLE_TITLES = [
  "Foreign Minister",
  "Defence Minister",
  "Trade Minister",
  "Prime Minister",
  "President",
  "Ambassador",
  "Special Envoy",
  "Chief of the General Staff",
  "Finance Minister",
  "National Security Adviser",
];

/** Actors by kind: states are few whatever the size (there are about two hundred), people the most. */
function kindCounts(actors: number): [ActorKind, number][] {
  const share = (p: number) => Math.max(1, Math.round(actors * p));
  const others: [ActorKind, number][] = [
    ["state", Math.min(200, Math.max(4, Math.round(actors * 0.02)))],
    ["organisation", share(0.08)],
    ["agency", share(0.06)],
    ["company", share(0.06)],
    ["military", share(0.04)],
    ["group", share(0.03)],
    ["region", share(0.03)],
  ];
  const rest = actors - others.reduce((n, [, count]) => n + count, 0);
  return [...others, ["person", rest]];
}

/** The cast, in memory (names and ids only: about 100 bytes an actor). */
export function buildWorld(random: Random, size: SizeSpec, book: NameBook): World {
  const actors: ActorInfo[] = [];
  const states: number[] = [];
  const persons: number[] = [];
  const capitals: string[] = [];
  const counters = new Map<ActorKind, number>();
  for (const [kind, count] of kindCounts(size.actors)) {
    for (let i = 0; i < count; i++) {
      const n = counters.get(kind) ?? 0;
      counters.set(kind, n + 1);
      const home = kind === "state" ? -1 : (random.pick(states) as number);
      const homeShort = home === -1 ? "" : (actors[home] as ActorInfo).short;
      let name: string;
      let short = "";
      if (kind === "state") {
        const state = stateName(n);
        name = state.name;
        short = state.short;
        capitals.push(state.capital);
      } else if (kind === "person") name = personName(n);
      else if (kind === "organisation") name = organisationName(n, homeShort);
      else if (kind === "agency") name = agencyName(n, homeShort);
      else if (kind === "company") name = companyName(n);
      else if (kind === "military") name = militaryName(n, homeShort);
      else if (kind === "group") name = groupName(n, homeShort);
      else name = regionName(n, homeShort);
      name = book.unique(name);
      if (kind === "person") short = name.split(" ").at(-1) as string;
      const index = actors.length;
      const place = home === -1 ? (capitals.at(-1) as string) : (actors[home] as ActorInfo).place;
      actors.push({ id: book.id("actor", name), name, kind, short: short || name, home, place, aliases: [] });
      (kind === "state" ? states : kind === "person" ? persons : []).push(index);
    }
  }
  // States and people lead events; the rest follow. Aliases go to the leaders, as in the seed ("Putin", "Moscow").
  const leaders = random.shuffle(actors.flatMap((a, i) => (a.kind === "state" || a.kind === "person" ? [i] : [])));
  const leaderSet = new Set(leaders);
  const prominence = [...leaders, ...random.shuffle(actors.map((_, i) => i).filter((i) => !leaderSet.has(i)))];
  prominence.slice(0, Math.max(10, Math.round(actors.length * 0.02))).forEach((index) => {
    const actor = actors[index] as ActorInfo;
    if (actor.kind === "person") actor.aliases = book.alias(actor.short);
    if (actor.kind === "state") actor.aliases = book.alias(capitals[states.indexOf(index)] as string);
  });

  const forums: ForumInfo[] = [];
  for (let i = 0; i < size.forums; i++) {
    if (i >= 10 && random.chance(0.1)) {
      const parent = forums[random.int(0, 9)] as ForumInfo;
      const name = book.unique(`${capitalise(random.pick(TOPIC_WORDS))} Committee of the ${parent.name}`);
      forums.push({ id: book.id("forum", name), name, aliases: [], kind: "un-body", partOf: parent.id });
      continue;
    }
    const forum = forumName(i);
    const name = book.unique(forum.name);
    forums.push({ id: book.id("forum", name), name, aliases: book.alias(forum.acronym), kind: forum.kind });
  }
  return {
    actors,
    states,
    persons,
    forums,
    prominence,
    zipf: new Zipf(actors.length, size.exponent),
    forumZipf: new Zipf(forums.length, 0.9),
    capitals,
  };
}

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** Where a directory source goes: its manifest entry and text file. */
export interface DirectoryOutput {
  manifest: Sink;
  writeText(file: string, text: string): void;
}

/** Actors per directory source. */
const DIRECTORY_SIZE = 150;

/** Writes forums.yaml (with the forum directory) and actors.yaml (with the people's and members' directories); returns how many directories. */
export function writeWorld(
  world: World,
  random: Random,
  files: { forums: Sink; actors: Sink },
  out: DirectoryOutput,
  counts: Counts,
): number {
  let directories = 0;
  /** Writes one directory source whose sentences `fill` adds; returns its id and text for the records that quote it. */
  const directory = (title: string, fill: (text: SourceText) => void) => {
    directories++;
    const id = `source:directory-${directories}`;
    const file = `sources/directory-${directories}.txt`;
    const text = new SourceText();
    text.line(title);
    fill(text);
    const content = text.toString();
    out.writeText(file, content);
    out.manifest.write(
      yamlItem({
        id,
        file,
        title,
        author: null,
        authorAffiliation: null,
        publisher: "Liaison Synthetic Directories",
        url: null,
        published: { on: "2025" },
      }),
    );
    counts.node("Source");
    return { id, content };
  };

  files.forums.write("forums:\n");
  const forumQuotes = new Map<string, Quote>();
  const forumDirectory = directory("International Forums and Organisations: a Directory", (text) => {
    for (const forum of world.forums) {
      const alias = forum.aliases[0] ? ` (${forum.aliases[0]})` : "";
      text.endParagraph();
      forumQuotes.set(
        forum.id,
        text.sentence(`The ${forum.name}${alias} was established in ${random.int(1990, 2015)}.`),
      );
    }
  });
  for (const forum of world.forums) {
    const quote = forumQuotes.get(forum.id);
    files.forums.write(
      yamlItem({
        id: forum.id,
        name: forum.name,
        kind: forum.kind,
        aliases: forum.aliases.length > 0 ? forum.aliases : undefined,
        partOf: forum.partOf,
        evidence: counts.evidence(forumDirectory.content, forumDirectory.id, quote ? [quote] : []),
      }),
    );
    counts.node("Forum");
    if (forum.partOf) counts.rel("PART_OF");
  }

  files.actors.write("actors:\n");
  for (let from = 0; from < world.actors.length; from += DIRECTORY_SIZE) {
    const chunk = world.actors.slice(from, from + DIRECTORY_SIZE);
    let facts: Facts[] = [];
    const written = directory(`Who's Who in International Affairs, volume ${directories}`, (text) => {
      facts = chunk.map((actor) => actorFacts(actor, world, random, text));
    });
    chunk.forEach((actor, k) => {
      files.actors.write(yamlItem(actorRecord(actor, facts[k] as Facts, written.content, written.id, counts)));
    });
  }
  return directories;
}

interface Facts {
  roles: { title: string; of: string; from: number; to: number; former: boolean; quote: Quote }[];
  memberOf: { forum: string; quote: Quote }[];
}

/** An actor's roles and memberships, each stated by a sentence of the directory. */
function actorFacts(actor: ActorInfo, world: World, random: Random, text: SourceText): Facts {
  const facts: Facts = { roles: [], memberOf: [] };
  text.endParagraph();
  if (actor.kind === "person" && actor.home !== -1 && random.chance(0.6)) {
    const state = world.actors[actor.home] as ActorInfo;
    const titles = random.shuffle(ROLE_TITLES).slice(0, random.chance(0.2) ? 2 : 1);
    for (const title of titles) {
      const from = random.int(2000, 2021);
      const to = Math.min(2025, from + random.int(1, 6));
      const quote = text.sentence(`${actor.name} served as ${title} of ${state.name} from ${from} to ${to}.`);
      facts.roles.push({ title, of: state.id, from, to, former: random.chance(0.2), quote });
    }
  }
  const memberships =
    actor.kind === "state" ? random.int(2, 8) : actor.kind === "organisation" && random.chance(0.25) ? 1 : 0;
  for (const rank of world.forumZipf.distinct(random, Math.min(memberships, world.forums.length))) {
    const forum = world.forums[rank] as ForumInfo;
    facts.memberOf.push({ forum: forum.id, quote: text.sentence(`${actor.name} is a member of the ${forum.name}.`) });
  }
  return facts;
}

function actorRecord(
  actor: ActorInfo,
  facts: Facts,
  content: string,
  source: string,
  counts: Counts,
): Record<string, unknown> {
  counts.node("Actor");
  counts.rel("HOLDS_ROLE", facts.roles.length);
  counts.rel("MEMBER_OF", facts.memberOf.length);
  const roles = facts.roles.map((role) => ({
    title: role.title,
    of: role.of,
    date: { from: String(role.from), to: String(role.to) },
    ...(role.former ? { qualifier: "then" } : {}),
    evidence: counts.evidence(content, source, [role.quote]),
  }));
  const memberOf = facts.memberOf.map((m) => ({
    forum: m.forum,
    evidence: counts.evidence(content, source, [m.quote]),
  }));
  return {
    id: actor.id,
    name: actor.name,
    kind: actor.kind,
    aliases: actor.aliases.length > 0 ? actor.aliases : undefined,
    roles: roles.length > 0 ? roles : undefined,
    memberOf: memberOf.length > 0 ? memberOf : undefined,
  };
}
