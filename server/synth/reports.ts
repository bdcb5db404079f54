/**
 * One generated report: a source text of paragraphs, each stating an event and the claims made
 * about it, written as the report's events, claims, text file and manifest entry. Nothing of a
 * report stays in memory once it is written.
 */
import type { Counts } from "./counts.js";
import {
  addDays,
  type Day,
  dayText,
  EVENT_KINDS,
  type EventKind,
  type EventWords,
  eventName,
  eventSentence,
  fill,
  isoDay,
  isoMonth,
  monthText,
  pickAssessment,
  pickReport,
  pickStatement,
  pickTopic,
} from "./phrases.js";
import type { Random } from "./random.js";
import { type Quote, SourceText } from "./text.js";
import type { ActorInfo, World } from "./world.js";
import { type Sink, yamlItem } from "./writer.js";

export interface ReportContext {
  world: World;
  random: Random;
  counts: Counts;
  files: { events: Sink; claims: Sink; manifest: Sink };
  writeText(file: string, text: string): void;
  /** Ids of meeting series written so far: later meetings may be part of one. */
  series: string[];
  next: { event: number; claim: number };
}

const SIZES: readonly (readonly [number, number])[] = [
  [2, 45],
  [3, 20],
  [4, 12],
  [5, 7],
  [6, 5],
  [7, 3],
  [8, 3],
  [9, 2],
  [10, 1],
  [11, 1],
  [12, 1],
];
const PUBLISHERS = ["The Meridian Review", "Global Affairs Monitor", "Continental Observer", "Harbour Policy Journal"];

interface Paragraph {
  event: Record<string, unknown>;
  id: string;
  quote: Quote;
  actors: ActorInfo[];
  words: EventWords;
  day: Day;
  claims: Record<string, unknown>[];
  claimQuotes: Quote[][];
}

/** Writes report `n` with `events` events and `claims` claims, published on `published`. */
export function writeReport(ctx: ReportContext, n: number, events: number, claims: number, published: Day): void {
  const { random, world, counts } = ctx;
  const id = `source:report-${n}`;
  const text = new SourceText();
  const paragraphs: Paragraph[] = [];
  for (let e = 0; e < events; e++) paragraphs.push(draftEvent(ctx, addDays(published, -random.int(1, 365))));
  paragraphs.sort((a, b) => a.day.getTime() - b.day.getTime());

  const first = paragraphs[0]?.actors ?? [];
  const author = world.actors[random.pick(world.persons)] as ActorInfo;
  const title = `${capitalise(pickTopic(random))} ties between ${first[0]?.short ?? "the powers"} and ${first[1]?.short ?? "their partners"}: ${pickAssessment(random)}?`;
  text.line(title);
  text.line(`By ${author.name}`);
  text.line(`Published ${dayText(published)}`);
  text.line("Subscribe to our newsletter");

  // Claims fall on paragraphs at random; each paragraph states its event, then what is claimed about it.
  const perParagraph = new Array<number>(paragraphs.length).fill(0);
  for (let c = 0; c < claims; c++) {
    const p = random.int(0, paragraphs.length - 1);
    perParagraph[p] = (perParagraph[p] ?? 0) + 1;
  }
  const earlier: { id: string; quote: Quote; kind: string }[] = [];
  paragraphs.forEach((paragraph, p) => {
    text.endParagraph();
    paragraph.quote = text.sentence(eventSentence(paragraph.words));
    for (let c = 0; c < (perParagraph[p] ?? 0); c++) draftClaim(ctx, paragraph, text, earlier, author);
  });

  const content = text.toString();
  for (const paragraph of paragraphs) {
    paragraph.event.evidence = counts.evidence(content, id, [paragraph.quote]);
    ctx.files.events.write(yamlItem(paragraph.event));
    paragraph.claims.forEach((claim, k) => {
      claim.evidence = counts.evidence(content, id, paragraph.claimQuotes[k] ?? []);
      ctx.files.claims.write(yamlItem(claim));
    });
  }
  const file = `sources/report-${n}.txt`;
  ctx.writeText(file, content);
  ctx.files.manifest.write(
    yamlItem({
      id,
      file,
      title,
      author: author.id,
      authorAffiliation: random.chance(0.5) ? `${random.pick(PUBLISHERS)} research desk` : null,
      publisher: random.pick(PUBLISHERS),
      url: `https://example.org/liaison-synth/report-${n}`,
      published: { on: isoDay(published) },
      furniture: ["Subscribe to our newsletter"],
    }),
  );
  counts.node("Source");
  counts.rel("AUTHORED_BY");
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** An event with 2–12 participants drawn by prominence (a power law), often at a forum. */
function draftEvent(ctx: ReportContext, day: Day): Paragraph {
  const { random, world, counts } = ctx;
  const kind: EventKind = random.weighted(EVENT_KINDS);
  const size = kind === "summit" ? random.int(6, 12) : random.weighted(SIZES);
  const actors = world.zipf
    .distinct(random, size)
    .map((rank) => world.actors[world.prominence[rank] as number] as ActorInfo);
  const forum = kind === "summit" || random.chance(0.4) ? world.forums[world.forumZipf.draw(random)] : undefined;
  const place = forum || !actors[0]?.place ? random.pick(world.capitals) : actors[0].place;
  const precision =
    kind === "meeting-series"
      ? "range"
      : random.weighted([
          ["day", 85],
          ["month", 12],
          ["year", 3],
        ] as const);
  const year = day.getUTCFullYear();
  const date =
    precision === "day"
      ? { on: isoDay(day) }
      : precision === "month"
        ? { on: isoMonth(day) }
        : precision === "year"
          ? { on: String(year) }
          : { from: String(Math.max(2000, year - random.int(1, 4))), to: String(year) };
  const when =
    precision === "day"
      ? `On ${dayText(day)}`
      : precision === "month"
        ? `In ${monthText(day)}`
        : precision === "year"
          ? `In ${year}`
          : `Between ${date.from} and ${date.to}`;
  const words: EventWords = {
    kind,
    names: actors.map((a) => a.name),
    shorts: actors.map((a) => a.short),
    forum: forum?.name ?? null,
    place,
    topic: pickTopic(random),
    when,
    year,
  };
  const id = `event:${kind}-${++ctx.next.event}`;
  const uncertain = random.chance(0.02);
  const event: Record<string, unknown> = {
    id,
    name: eventName(words),
    kind,
    date,
    place,
    forums: forum ? [forum.id] : undefined,
    participants: actors.map((actor, k) => {
      const implied = k > 0 && random.chance(0.03);
      return {
        actor: actor.id,
        role:
          kind === "state-visit" ? (k === 0 ? "guest" : "host") : kind === "summit" && k === 0 ? "host" : "participant",
        ...(implied ? { certainty: "implied", note: "The report names the delegation, not this participant." } : {}),
      };
    }),
    partOf: kind === "meeting" && ctx.series.length > 0 && random.chance(0.08) ? random.pick(ctx.series) : undefined,
    ...(uncertain ? { certainty: "uncertain", note: "The report gives the date only approximately." } : {}),
  };
  if (kind === "meeting-series") ctx.series.push(id);
  counts.node("Event");
  counts.rel("PARTICIPATED_IN", actors.length);
  if (forum) counts.rel("AT_FORUM");
  if (event.partOf) counts.rel("PART_OF");
  return { event, id, quote: { start: 0, exact: "", quoted: false }, actors, words, day, claims: [], claimQuotes: [] };
}

/** A claim about a paragraph's event or its actors, stated by 1–3 sentences of the report. */
function draftClaim(
  ctx: ReportContext,
  paragraph: Paragraph,
  text: SourceText,
  earlier: { id: string; quote: Quote; kind: string }[],
  author: ActorInfo,
): void {
  const { random, counts } = ctx;
  const kind = random.weighted([
    ["statement", 30],
    ["quantity", 15],
    ["aggregate", 10],
    ["assessment", 15],
    ["report", 15],
    ["fact", 15],
  ] as const);
  const [x = paragraph.actors[0] as ActorInfo, y = paragraph.actors[0] as ActorInfo] = random.shuffle(paragraph.actors);
  const topic = pickTopic(random);
  const year = paragraph.day.getUTCFullYear();
  const id = `claim:${kind}-${++ctx.next.claim}`;
  const claim: Record<string, unknown> = { id, kind };
  const quotes: Quote[] = [];
  const about = new Set<string>();
  const say = (sentence: string) => text.sentence(sentence);
  if (kind === "statement") {
    const speakers = random.chance(0.15) ? [x, y] : [x];
    // A joint statement is about a third party: the partner named is neither speaker.
    const partner = speakers.length === 2 ? paragraph.actors.find((a) => a !== x && a !== y) : y;
    const clause = fill(pickStatement(random), partner?.short ?? "their partners", topic);
    quotes.push(
      say(
        `${speakers.length === 2 ? `${x.name} and ${y.name} said in a joint statement` : `${x.name} said`} that ${clause}.`,
      ),
    );
    claim.text = `${speakers.map((s) => s.short).join(" and ")} said ${clause}.`;
    claim.statedBy = [...new Set(speakers.map((s) => s.id))];
    claim.date = paragraph.event.date;
    about.add(paragraph.id);
    counts.rel("STATED_BY", (claim.statedBy as string[]).length);
  } else if (kind === "quantity") {
    const value = random.int(2, 300);
    quotes.push(say(`Trade between ${x.name} and ${y.name} reached about ${value} billion US dollars in ${year - 1}.`));
    claim.text = `Bilateral trade between ${x.short} and ${y.short} was about ${value} billion US dollars in ${year - 1}.`;
    claim.quantity = {
      measure: "bilateral trade",
      value: value * 1e9,
      unit: "USD",
      qualifier: "about",
      period: { on: String(year - 1) },
    };
    about.add(x.id).add(y.id);
  } else if (kind === "aggregate") {
    const times = random.int(2, 40);
    quotes.push(say(`By ${monthText(paragraph.day)}, ${x.name} and ${y.name} had met ${times} times.`));
    claim.text = `${x.short} and ${y.short} met ${times} times by ${monthText(paragraph.day)}.`;
    claim.quantity = { measure: "meetings", value: times, unit: "meetings", period: { to: isoMonth(paragraph.day) } };
    about.add(x.id).add(y.id);
  } else if (kind === "assessment") {
    const judgement = pickAssessment(random);
    quotes.push(
      say(`${author.name} judges the ${topic} partnership between ${x.short} and ${y.short} to be ${judgement}.`),
    );
    claim.text = `The ${topic} partnership between ${x.short} and ${y.short} is ${judgement}.`;
    about.add(x.id).add(y.id);
  } else if (kind === "report") {
    const template = pickReport(random);
    quotes.push(say(`Reports suggested that ${x.name} ${fill(template, y.name, topic)}.`));
    claim.text = `${x.short} ${fill(template, y.short, topic)}.`;
    about.add(x.id).add(y.id);
    if (random.chance(0.5)) Object.assign(claim, { certainty: "uncertain", note: "Attributed to unnamed reports." });
    const rival = earlier.find((other) => other.kind === "report");
    if (rival && random.chance(0.2)) {
      claim.contradicts = [{ claim: rival.id, note: "The two reports disagree about what was planned." }];
      Object.assign(claim, { certainty: "contested", note: "Another report says otherwise." });
      counts.rel("CONTRADICTS");
    }
  } else {
    // A fact restates the event: its first passage is the event's own sentence.
    quotes.push(paragraph.quote);
    claim.text = `${paragraph.event.name as string} took place ${paragraph.words.when.replace(/^(On|In|Between) /, (w) => `${w.toLowerCase()}`)}.`;
    about.add(paragraph.id);
  }
  if (random.chance(0.3)) about.add(paragraph.id);
  const passages = random.weighted([
    [1, 40],
    [2, 40],
    [3, 20],
  ] as const);
  if (passages >= 2)
    quotes.push(random.chance(0.5) ? paragraph.quote : say(`${x.short} added that the ${topic} file would stay open.`));
  if (passages >= 3) {
    const other = earlier.length > 0 ? random.pick(earlier).quote : undefined;
    quotes.push(other ?? say(`Officials in ${y.short} did not comment on ${topic}.`));
  }
  claim.about = [...about];
  counts.node("Claim");
  counts.rel("ABOUT", about.size);
  earlier.push({ id, quote: quotes[0] as Quote, kind });
  paragraph.claims.push(claim);
  paragraph.claimQuotes.push(quotes);
}
