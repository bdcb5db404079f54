/**
 * `npm run bench:extract`: extraction quality against the gold annotations of bench/extract-gold/,
 * per category, strict and partial, cold (recogniser alone) and warm (the gold's dataset as the
 * graph), for each recogniser; the raw output of the libraries alone as baselines; targets on the
 * seed article checked and printed as met or missed. Writes bench/results/extract-<time>.json.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import nlp from "compromise";
import { compromiseTagger, datasetResolver, emptyResolver, extract, type Tagger } from "../server/extract/index.js";
import type { EntityResolver, Proposal } from "../server/extract/types.js";
import { fromRoot } from "../server/lib/project-root.js";
import {
  type Counts,
  type GoldDoc,
  loadGold,
  type Resolution,
  type Scores,
  scoreDoc,
  scoreResolution,
  scores,
  sum,
} from "./extract-score.js";
import { winkTagger } from "./extract-wink.js";

/** The recognisers compared: the same chunking and typing rules over each library's word tags. */
const TAGGERS: Record<string, Tagger> = { compromise: compromiseTagger, wink: winkTagger };

const CATEGORIES = [
  "actor:person",
  "actor:state",
  "actor:organisation",
  "actor:group",
  "forum",
  "place",
  "date",
  "quantity",
  "statement",
  "meeting",
];
const NAME_CATEGORIES = CATEGORIES.slice(0, 6);

interface Run {
  recogniser: string;
  mode: "cold" | "warm";
  doc: string;
  counts: Record<string, Counts>;
  resolution: Resolution | null;
  /** Meetings resolved to the gold's events (warm runs). */
  meetings?: Resolution | null;
  ms: number;
}

/** A recogniser's names alone: compromise's own people(), organizations() and places(). */
function compromiseRaw(text: string): Proposal[] {
  const doc = nlp(text);
  const out: Proposal[] = [];
  const add = (
    list: { text: string; offset: { start: number; length: number } }[],
    make: (t: string) => Partial<Proposal>,
  ) => {
    for (const m of list) {
      const raw = text.slice(m.offset.start, m.offset.start + m.offset.length);
      const trimmed = raw.replace(/(?:['’]s)?[\s,.;:–-]*$/u, "");
      out.push({
        id: `r${out.length}`,
        text: trimmed,
        start: m.offset.start,
        end: m.offset.start + trimmed.length,
        score: 0.5,
        reason: "compromise",
        entity: null,
        alternatives: [],
        ...make(trimmed),
      } as Proposal);
    }
  };
  add(doc.people().json({ offset: true }), () => ({ kind: "actor", type: "person" }));
  add(doc.organizations().json({ offset: true }), () => ({ kind: "actor", type: "organisation" }));
  const places = doc.places().json({ offset: true }) as {
    text: string;
    terms: { tags: string[] }[];
    offset: { start: number; length: number };
  }[];
  add(
    places.filter((p) => p.terms.some((t) => t.tags.includes("Country"))),
    () => ({ kind: "actor", type: "state" }),
  );
  add(
    places.filter((p) => !p.terms.some((t) => t.tags.includes("Country"))),
    () => ({ kind: "place" }),
  );
  return out;
}

interface CoreNlpMention {
  text: string;
  characterOffsetBegin: number;
  characterOffsetEnd: number;
  ner: string;
}

/** Stanford CoreNLP's entity mentions (from its JSON output, run as a sidecar), mapped to our categories. */
function coreNlpNames(file: string): Proposal[] {
  const json = JSON.parse(readFileSync(file, "utf8")) as { sentences: { entitymentions?: CoreNlpMention[] }[] };
  const out: Proposal[] = [];
  for (const s of json.sentences) {
    for (const m of s.entitymentions ?? []) {
      const map: Record<string, Partial<Proposal>> = {
        PERSON: { kind: "actor", type: "person" },
        ORGANIZATION: { kind: "actor", type: "organisation" },
        COUNTRY: { kind: "actor", type: "state" },
        CITY: { kind: "place" },
        LOCATION: { kind: "place" },
        STATE_OR_PROVINCE: { kind: "place" },
      };
      const kind = map[m.ner];
      if (!kind) continue;
      out.push({
        id: `c${out.length}`,
        text: m.text,
        start: m.characterOffsetBegin,
        end: m.characterOffsetEnd,
        score: 0.5,
        reason: "CoreNLP",
        entity: null,
        alternatives: [],
        ...kind,
      } as Proposal);
    }
  }
  return out;
}

const pct = (n: number) => n.toFixed(2);

function table(title: string, rows: [string, Scores][]): string {
  const lines = [title, `${"category".padEnd(22)} gold  pred | strict P    R    F1 | partial P   R    F1 | attrs F1`];
  for (const [name, s] of rows) {
    lines.push(
      `${name.padEnd(22)} ${String(s.counts.gold).padStart(4)} ${String(s.counts.predicted).padStart(5)} |   ${pct(s.strict.precision)} ${pct(s.strict.recall)} ${pct(s.strict.f1)} |   ${pct(s.partial.precision)} ${pct(s.partial.recall)} ${pct(s.partial.f1)} |   ${pct(s.attributes.f1)}`,
    );
  }
  return lines.join("\n");
}

function rowsOf(runs: Run[], categories: string[]): [string, Scores][] {
  const rows: [string, Scores][] = categories.map((c) => [
    c,
    scores(sum(runs.map((r) => r.counts[c] ?? { gold: 0, predicted: 0, strict: 0, partial: 0, correct: 0 }))),
  ]);
  rows.push([
    "people+organisations",
    scores(
      sum(
        runs.flatMap((r) =>
          ["actor:person", "actor:organisation"].map(
            (c) => r.counts[c] ?? { gold: 0, predicted: 0, strict: 0, partial: 0, correct: 0 },
          ),
        ),
      ),
    ),
  ]);
  return rows;
}

/** Runs the bench; resolves with 0 (targets are reported, not enforced) or 2 on bad arguments. */
export async function main(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { corenlp: { type: "string" }, gold: { type: "string" } } });
  const goldDir = values.gold ?? fromRoot("bench", "extract-gold");
  const docs: GoldDoc[] = readdirSync(goldDir)
    .filter((f) => f.endsWith(".yaml"))
    .sort((a, b) => (a === "seed.yaml" ? -1 : b === "seed.yaml" ? 1 : a.localeCompare(b)))
    .map((f) => loadGold(path.join(goldDir, f)));
  const runs: Run[] = [];
  const resolvers = new Map<string, EntityResolver>();
  for (const doc of docs) {
    for (const [recogniser, tagger] of Object.entries(TAGGERS)) {
      for (const mode of ["cold", "warm"] as const) {
        let resolver = emptyResolver;
        if (mode === "warm" && doc.dataset) {
          resolver = resolvers.get(doc.dataset) ?? (await datasetResolver(fromRoot(doc.dataset)));
          resolvers.set(doc.dataset, resolver);
        }
        const began = performance.now();
        const result = await extract({ text: doc.text, publishedAt: doc.publishedAt }, resolver, { tagger });
        const ms = performance.now() - began;
        runs.push({
          recogniser,
          mode,
          doc: doc.name,
          counts: Object.fromEntries(scoreDoc(doc.items, result.proposals)),
          resolution: mode === "warm" ? scoreResolution(doc.items, result.proposals) : null,
          meetings: mode === "warm" ? scoreResolution(doc.items, result.proposals, "meetings") : null,
          ms: Math.round(ms),
        });
      }
    }
    const names = doc.items.filter((i) => i.group === "names");
    const began = performance.now();
    const raw = compromiseRaw(doc.text);
    runs.push({
      recogniser: "compromise-alone",
      mode: "cold",
      doc: doc.name,
      counts: Object.fromEntries(scoreDoc(names, raw)),
      resolution: null,
      ms: Math.round(performance.now() - began),
    });
    const coreFile = values.corenlp ? path.join(values.corenlp, `${doc.name}.txt.json`) : null;
    if (coreFile && existsSync(coreFile)) {
      runs.push({
        recogniser: "corenlp-alone",
        mode: "cold",
        doc: doc.name,
        counts: Object.fromEntries(scoreDoc(names, coreNlpNames(coreFile))),
        resolution: null,
        ms: 0,
      });
    }
  }

  const out: string[] = [];
  const select = (recogniser: string, mode: string, doc?: string) =>
    runs.filter((r) => r.recogniser === recogniser && r.mode === mode && (doc === undefined || r.doc === doc));
  const heldOut = docs.filter((d) => d.heldOut).map((d) => d.name);
  const scopes: [string, string[]][] = [
    ["seed article", ["seed"]],
    ...(heldOut.length > 0 ? [[`${heldOut.length} held-out articles`, heldOut] as [string, string[]]] : []),
    [`all ${docs.length} articles`, docs.map((d) => d.name)],
  ];
  for (const [label, names] of scopes) {
    const inScope = (list: Run[]) => list.filter((r) => names.includes(r.doc));
    for (const recogniser of [...Object.keys(TAGGERS)]) {
      for (const mode of ["cold", "warm"]) {
        const chosen = inScope(select(recogniser, mode));
        out.push(table(`\n== ${label}, recogniser ${recogniser}, ${mode}`, rowsOf(chosen, CATEGORIES)));
        if (mode === "warm") {
          const r = chosen.map((c) => c.resolution).filter((x): x is Resolution => x !== null);
          const found = r.reduce((a, b) => a + b.found, 0);
          const right = r.reduce((a, b) => a + b.right, 0);
          const known = r.reduce((a, b) => a + b.known, 0);
          const newFound = r.reduce((a, b) => a + b.newFound, 0);
          const newRight = r.reduce((a, b) => a + b.newRight, 0);
          out.push(
            `resolution: ${right}/${found} found names of existing nodes resolved right (${pct(found ? right / found : 0)}); ${right}/${known} of all (${pct(known ? right / known : 0)}); new names left new: ${newRight}/${newFound}`,
          );
          const m = chosen.map((c) => c.meetings).filter((x): x is Resolution => x != null);
          const add = (key: keyof Resolution) => m.reduce((a, b) => a + b[key], 0);
          out.push(
            `meetings: ${add("right")}/${add("found")} found meetings of events the graph holds resolved to their event; new meetings left new: ${add("newRight")}/${add("newFound")}`,
          );
        }
      }
    }
    for (const baseline of ["compromise-alone", "corenlp-alone"]) {
      const chosen = inScope(select(baseline, "cold"));
      if (chosen.length > 0)
        out.push(
          table(`\n== ${label}, ${baseline} (the library's own entities, names only)`, rowsOf(chosen, NAME_CATEGORIES)),
        );
    }
  }

  // Targets, on the seed article with the default recogniser.
  const cold = rowsOf(select("compromise", "cold", "seed"), CATEGORIES);
  const get = (name: string) => (cold.find(([n]) => n === name) as [string, Scores])[1];
  const warm = select("compromise", "warm", "seed")[0]?.resolution;
  const resolutionRate = warm?.found ? warm.right / warm.found : 0;
  const targets: [string, number, number][] = [
    ["people recall (strict)", get("actor:person").strict.recall, 0.85],
    ["people precision (strict)", get("actor:person").strict.precision, 0.8],
    ["organisations recall (strict)", get("actor:organisation").strict.recall, 0.85],
    ["organisations precision (strict)", get("actor:organisation").strict.precision, 0.8],
    ["dates value+precision F1", get("date").attributes.f1, 0.9],
    ["quantities value+unit F1", get("quantity").attributes.f1, 0.9],
    ["warm resolution to the right node", resolutionRate, 0.95],
  ];
  out.push("\n== targets (seed article, recogniser compromise; cold unless said)");
  for (const [name, value, target] of targets)
    out.push(`${value >= target ? "met   " : "MISSED"} ${name.padEnd(36)} ${pct(value)} (target ${target})`);
  const times = runs.filter((r) => r.recogniser === "compromise").map((r) => `${r.doc} ${r.mode} ${r.ms} ms`);
  out.push(`\ntimes (compromise): ${times.join("; ")}`);
  process.stdout.write(`${out.join("\n")}\n`);

  const folder = fromRoot("bench", "results");
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `extract-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(
    file,
    `${JSON.stringify({ at: new Date().toISOString(), docs: docs.map((d) => d.name), runs, targets: targets.map(([name, value, target]) => ({ name, value, target, met: value >= target })) }, null, 2)}\n`,
  );
  process.stdout.write(`written ${path.relative(process.cwd(), file)}\n`);
  return 0;
}
