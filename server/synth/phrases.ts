/** The words of generated reports: event names and sentences, claim sentences and texts, dates as prose. */
import { TOPIC_WORDS } from "./names.js";
import type { Random } from "./random.js";

const MONTHS = "January February March April May June July August September October November December".split(" ");

/** A calendar day as a UTC Date; the generator never reads the clock. */
export type Day = Date;

export const isoDay = (day: Day) => day.toISOString().slice(0, 10);
export const isoMonth = (day: Day) => day.toISOString().slice(0, 7);
export const dayText = (day: Day) => `${day.getUTCDate()} ${MONTHS[day.getUTCMonth()]} ${day.getUTCFullYear()}`;
export const monthText = (day: Day) => `${MONTHS[day.getUTCMonth()]} ${day.getUTCFullYear()}`;
export const addDays = (day: Day, days: number): Day => new Date(day.getTime() + days * 86_400_000);

/** "A", "A and B", "A, B and C". */
function listText(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export type EventKind =
  | "meeting"
  | "call"
  | "state-visit"
  | "summit"
  | "exercise"
  | "vote"
  | "declaration"
  | "statement"
  | "patrol"
  | "sanctions"
  | "trade"
  | "construction"
  | "invitation"
  | "parade"
  | "meeting-series";

/** Event kinds with how often they occur; summits always happen at a forum. */
export const EVENT_KINDS: readonly (readonly [EventKind, number])[] = [
  ["meeting", 45],
  ["call", 11],
  ["state-visit", 7],
  ["summit", 8],
  ["exercise", 5],
  ["vote", 4],
  ["declaration", 4],
  ["statement", 4],
  ["patrol", 2],
  ["sanctions", 2],
  ["trade", 3],
  ["construction", 1],
  ["invitation", 2],
  ["parade", 1],
  ["meeting-series", 1],
];

export interface EventWords {
  kind: EventKind;
  /** Full names and short names of the participants, in order. */
  names: readonly string[];
  shorts: readonly string[];
  forum: string | null;
  place: string;
  topic: string;
  /** "On 12 March 2014", "In March 2014" or "Between 2012 and 2015". */
  when: string;
  year: number;
}

/** A short name the way event names are written: "Dunmore–Tansek talks in Velmora". */
export function eventName(w: EventWords): string {
  const pair = w.shorts.slice(0, 2).join("–");
  const at = w.forum ? ` at the ${w.forum}` : "";
  switch (w.kind) {
    case "meeting":
      return w.shorts.length === 2
        ? `${pair} talks in ${w.place}${at}`
        : `${w.place} meeting on ${w.topic} issues${at}`;
    case "call":
      return `Phone call between ${listText(w.shorts)}`;
    case "state-visit":
      return `State visit of ${w.shorts[0]} to ${w.place}`;
    case "summit":
      return `${w.forum ?? w.place} summit in ${w.place} (${w.year})`;
    case "exercise":
      return `${capitalise(w.topic)} Shield joint exercise ${w.year}`;
    case "vote":
      return `Vote on ${w.topic} issues${at}`;
    case "declaration":
      return `Joint declaration of ${pair} on ${w.topic}`;
    case "statement":
      return `Joint statement of ${pair} on ${w.topic}`;
    case "patrol":
      return `Joint ${w.topic} patrol near ${w.place}`;
    case "sanctions":
      return `${w.shorts[0]} ${w.topic} sanctions on ${listText(w.shorts.slice(1))}`;
    case "trade":
      return `${pair} ${w.topic} trade deal`;
    case "construction":
      return `${w.place} ${w.topic} pipeline opening`;
    case "invitation":
      return `${w.shorts[0]} invites ${listText(w.shorts.slice(1))} to ${w.place}`;
    case "parade":
      return `Military parade in ${w.place} (${w.year})`;
    case "meeting-series":
      return `${pair} meetings on ${w.topic}`;
  }
}

/** The sentence of a report that states the event (its evidence). */
export function eventSentence(w: EventWords): string {
  const [first = "", ...others] = w.names;
  const all = listText(w.names);
  const rest = listText(others);
  const at = w.forum ? ` on the sidelines of the ${w.forum}` : "";
  switch (w.kind) {
    case "meeting":
      return `${w.when}, ${first} met ${rest} in ${w.place}${at} to discuss ${w.topic} issues.`;
    case "call":
      return `${w.when}, ${first} spoke by phone with ${rest} about ${w.topic} issues.`;
    case "state-visit":
      return `${w.when}, ${first} arrived in ${w.place} for a state visit hosted by ${rest}.`;
    case "summit":
      return `${w.when}, ${all} gathered in ${w.place} for the ${w.forum ?? "regional"} summit.`;
    case "exercise":
      return `${w.when}, forces of ${all} held a joint ${w.topic} exercise near ${w.place}.`;
    case "vote":
      return `${w.when}, ${all} voted together on ${w.topic} issues${w.forum ? ` in the ${w.forum}` : ""}.`;
    case "declaration":
      return `${w.when}, ${all} signed a joint declaration on ${w.topic} in ${w.place}.`;
    case "statement":
      return `${w.when}, ${all} issued a joint statement on ${w.topic}.`;
    case "patrol":
      return `${w.when}, ${all} conducted a joint ${w.topic} patrol near ${w.place}.`;
    case "sanctions":
      return `${w.when}, ${first} imposed ${w.topic} sanctions on ${rest}.`;
    case "trade":
      return `${w.when}, ${all} agreed a ${w.topic} trade deal in ${w.place}.`;
    case "construction":
      return `${w.when}, ${all} opened a ${w.topic} pipeline near ${w.place}.`;
    case "invitation":
      return `${w.when}, ${first} invited ${rest} to visit ${w.place}.`;
    case "parade":
      return `${w.when}, ${all} attended a military parade in ${w.place}.`;
    case "meeting-series":
      return `${w.when}, ${all} held a series of meetings on ${w.topic}.`;
  }
}

const STATEMENTS = [
  "cooperation with {Y} on {topic} was at its highest level",
  "relations with {Y} had no limits",
  "talks with {Y} on {topic} had been productive",
  "a {topic} agreement with {Y} would be signed within a year",
  "there were no forbidden areas in {topic} cooperation with {Y}",
  "{Y} remained a reliable partner on {topic}",
];
const ASSESSMENTS = [
  "nothing but rhetoric",
  "a marriage of convenience",
  "driven by tactical interests",
  "stronger than it looks",
  "limited by mutual distrust",
  "an alliance in all but name",
];
const REPORTS = [
  "planned joint {topic} exercises with {Y}",
  "supplied {topic} equipment to {Y}",
  "delayed a {topic} project with {Y}",
  "sought new {topic} contracts with {Y}",
];

/** A template filled with two parties and a topic. */
export function fill(template: string, y: string, topic: string): string {
  return template.replaceAll("{Y}", y).replaceAll("{topic}", topic);
}

export const pickStatement = (random: Random) => random.pick(STATEMENTS);
export const pickAssessment = (random: Random) => random.pick(ASSESSMENTS);
export const pickReport = (random: Random) => random.pick(REPORTS);
export const pickTopic = (random: Random) => random.pick(TOPIC_WORDS);
