import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { parse } from "yaml";
import { validateDataset } from "../../server/dataset/validate.js";
import { type CompiledDataset, compileDraft, referencedIds } from "../../server/review/compile.js";
import { quoteOf, slugOf } from "../../server/review/quote.js";
import { at, DRAFT, decide, input, reviewed, SEED_NODES, SELECTION, TEXT } from "../support/review-draft.js";

const temps: string[] = [];
afterEach(async () => {
  for (const dir of temps.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** The compiled files in a fresh folder, as the validator reads them. */
async function written(compiled: CompiledDataset): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "liaison-compile-test-"));
  temps.push(dir);
  for (const file of compiled.files) {
    await mkdir(path.dirname(path.join(dir, file.path)), { recursive: true });
    await writeFile(path.join(dir, file.path), file.text);
  }
  return dir;
}

const file = (compiled: CompiledDataset, name: string) => {
  const found = compiled.files.find((f) => f.path === name);
  return found ? (parse(found.text) as Record<string, Record<string, unknown>[]>) : undefined;
};

describe("compileDraft", () => {
  test("when a draft is reviewed, then its files pass the validator and build on the seed for the linked ministers", async () => {
    const compiled = compileDraft(input(reviewed()));
    expect(compiled.problems).toEqual([]);
    expect(compiled.datasetId).toBe("source-lavrov-and-wang-hold-talks-in-minsk-ab12cd34");
    expect(compiled.sourceId).toBe("source:lavrov-and-wang-hold-talks-in-minsk-ab12cd34");
    expect(compiled.requires).toEqual(["moscow-beijing-2025"]);
    expect(compiled.files.map((f) => f.path)).toEqual([
      "manifest.yaml",
      "actors.yaml",
      "forums.yaml",
      "events.yaml",
      "claims.yaml",
      "sources/lavrov-and-wang-hold-talks-in-minsk-ab12cd34.txt",
    ]);
    expect(compiled.files.at(-1)?.text).toBe(TEXT);

    const result = await validateDataset(await written(compiled));
    expect(result.problems).toEqual([]);
    if (!result.ok) throw new Error("expected a valid dataset");
    expect(result.dataset.manifest.requires).toEqual(["moscow-beijing-2025"]);
    expect(new Set(result.dataset.graphCheck?.external.map((e) => e.id))).toEqual(
      new Set(["actor:sergey-lavrov", "actor:wang-yi"]),
    );
  });

  test("when the meeting is new, then it is an event with the linked ministers, the forum, date and place the review accepted", () => {
    const compiled = compileDraft(input(reviewed()));
    const [event] = file(compiled, "events.yaml")?.events ?? [];
    expect(event).toMatchObject({
      name: "Wang Yi – Sergey Lavrov meeting at Minsk Security Conference, 2025-03-12",
      kind: "meeting",
      date: { on: "2025-03-12" },
      place: "Minsk",
      forums: ["forum:minsk-security-conference"],
      participants: [{ actor: "actor:wang-yi" }, { actor: "actor:sergey-lavrov" }],
    });
    expect(file(compiled, "forums.yaml")?.forums).toMatchObject([
      { id: "forum:minsk-security-conference", kind: "conference" },
    ]);
    expect(compiled.adds.events).toEqual([{ id: event?.id, name: event?.name, proposal: "p6" }]);
    expect(compiled.links.map((l) => [l.proposal, l.entity, l.label])).toEqual(
      expect.arrayContaining([
        ["p1", "actor:wang-yi", "Actor"],
        ["p2", "actor:sergey-lavrov", "Actor"],
      ]),
    );
  });

  test("when proposals are rejected, unsure or unreviewed, then they are absent and counted as skipped", () => {
    const decisions = [...reviewed().filter((d) => d.proposal !== "p7"), decide("p7", "unsure")];
    const compiled = compileDraft(input(decisions));
    const all = compiled.files
      .filter((f) => f.path.endsWith(".yaml"))
      .map((f) => f.text)
      .join("\n");
    expect(all).not.toContain("Carnegie");
    expect(all).not.toContain("245");
    // p3 (the place) has no decision; p13 is rejected; p7 unsure.
    expect(compiled.skipped).toEqual({ unreviewed: 1, rejected: 1, unsure: 1 });
  });

  test("when the meeting is linked to an existing event, then its passage is evidence of that event and no event is added", async () => {
    const decisions = [
      ...reviewed().filter((d) => d.proposal !== "p6"),
      decide("p6", "accept", "event:wang-yi-lavrov-meetings"),
    ];
    const compiled = compileDraft(input(decisions));
    expect(file(compiled, "events.yaml")?.events).toEqual([]);
    expect(file(compiled, "evidence.yaml")?.evidence).toEqual([
      expect.objectContaining({
        of: "event:wang-yi-lavrov-meetings",
        source: compiled.sourceId,
        exact: "Wang Yi met Russian Foreign Minister Sergey Lavrov",
      }),
    ]);
    expect(compiled.evidence).toEqual([
      {
        of: "event:wang-yi-lavrov-meetings",
        exact: "Wang Yi met Russian Foreign Minister Sergey Lavrov",
        proposal: "p6",
      },
    ]);
    const result = await validateDataset(await written(compiled));
    expect(result.problems).toEqual([]);
  });

  test("when one new person is accepted twice (a name and a surname), then it is one actor with both passages", () => {
    const compiled = compileDraft(input(reviewed()));
    const actors = file(compiled, "actors.yaml")?.actors ?? [];
    const ryzhenkov = actors.filter((a) => String(a.name).includes("Ryzhenkov"));
    expect(ryzhenkov).toHaveLength(1);
    expect(ryzhenkov[0]).toMatchObject({ id: "actor:maxim-ryzhenkov", kind: "person", aliases: ["Ryzhenkov"] });
    expect(ryzhenkov[0]?.evidence).toHaveLength(2);
    // The selection's statement is stated by that actor ("new:p12").
    const claims = file(compiled, "claims.yaml")?.claims ?? [];
    expect(claims.find((c) => c.text === SELECTION.text)).toMatchObject({
      kind: "statement",
      statedBy: ["actor:maxim-ryzhenkov"],
    });
  });

  test("when quantities and statements are accepted, then they are claims about the sentence's accepted actors, quoting the sentence", () => {
    const compiled = compileDraft(input(reviewed()));
    const claims = file(compiled, "claims.yaml")?.claims ?? [];
    expect(claims.find((c) => c.kind === "quantity")).toMatchObject({
      text: "Bilateral trade reached $245 billion in 2024, Lavrov said.",
      quantity: { measure: "money", value: 245e9, unit: "USD" },
      about: ["actor:sergey-lavrov"],
      evidence: [{ exact: "Bilateral trade reached $245 billion in 2024, Lavrov said." }],
    });
    expect(claims.find((c) => c.kind === "statement" && c.text !== SELECTION.text)).toMatchObject({
      statedBy: ["actor:wang-yi"],
      about: ["actor:wang-yi"],
    });
  });

  test("when a claim's sentence has no accepted actor, then it is a problem naming the proposal and the claim is left out", () => {
    const decisions = reviewed().filter((d) => d.proposal !== "p8");
    const compiled = compileDraft(input(decisions));
    expect(compiled.problems).toEqual([
      expect.objectContaining({ code: "MISSING_FIELD", file: "claims.yaml", path: "p7.about", field: "about" }),
    ]);
    expect(file(compiled, "claims.yaml")?.claims?.some((c) => c.kind === "quantity")).toBe(false);
  });

  test("when a new record's id is another dataset's node, then it takes a suffixed id", () => {
    const existing = new Map(SEED_NODES);
    existing.set("actor:maxim-ryzhenkov", {
      id: "actor:maxim-ryzhenkov",
      label: "Actor",
      name: "Maxim Ryzhenkov",
      datasets: ["someone-else"],
    });
    const compiled = compileDraft({ ...input(reviewed()), existing });
    expect(compiled.adds.actors.map((a) => a.id)).toContain("actor:maxim-ryzhenkov-2");
    expect(compiled.requires).toEqual(["moscow-beijing-2025"]);
  });

  test("when the draft has an author, then the source's author is a new actor, or the existing one of that name", () => {
    const compiled = compileDraft(input(reviewed()));
    expect(file(compiled, "manifest.yaml")?.sources?.[0]).toMatchObject({
      author: "actor:jo-reporter",
      publisher: "Test Wire",
      url: "https://example.org/minsk-talks",
      published: { on: "2025-03-13" },
    });
    expect(compiled.adds.actors).toContainEqual({ id: "actor:jo-reporter", name: "Jo Reporter", proposal: "author" });
    const existing = new Map(SEED_NODES).set("actor:jo-reporter", {
      id: "actor:jo-reporter",
      label: "Actor",
      name: "Jo Reporter",
      datasets: ["older-source"],
    });
    const linked = compileDraft({ ...input(reviewed()), existing });
    expect(linked.adds.actors.map((a) => a.id)).not.toContain("actor:jo-reporter");
    expect(linked.requires).toEqual(["moscow-beijing-2025", "older-source"]);
    // Committed again: the author this dataset created is its record again, with the same id.
    const own = new Map(SEED_NODES).set("actor:jo-reporter", {
      id: "actor:jo-reporter",
      label: "Actor",
      name: "Jo Reporter",
      datasets: [compiled.datasetId],
    });
    const again = compileDraft({ ...input(reviewed()), existing: own });
    expect(again.adds.actors).toContainEqual({ id: "actor:jo-reporter", name: "Jo Reporter", proposal: "author" });
    expect(again.requires).toEqual(["moscow-beijing-2025"]);
  });

  test("when the files are read, then each opens with a comment naming the draft and its reviewers", () => {
    const compiled = compileDraft(input(reviewed()));
    for (const f of compiled.files.filter((f) => f.path.endsWith(".yaml")))
      expect(f.text.startsWith(`# Generated by Liaison from ${DRAFT.id}`)).toBe(true);
    expect(compiled.files[0]?.text).toContain("reviewed by local");
  });
});

describe("compileDraft, odd inputs", () => {
  test("when the draft has no extraction, no decision, no title and a date that does not exist, then it still compiles to a valid dataset", async () => {
    const draft = { ...DRAFT, extraction: null, title: null, publishedAt: "2025-02-30", url: "not a url" };
    const compiled = compileDraft({ draft, selections: [], decisions: [], existing: SEED_NODES });
    expect(compiled.skipped).toEqual({ unreviewed: 0, rejected: 0, unsure: 0 });
    expect(compiled.datasetId).toBe("source-untitled-ab12cd34");
    expect(file(compiled, "manifest.yaml")?.sources?.[0]).toMatchObject({ published: null, url: null });
    expect((await validateDataset(await written(compiled))).problems).toEqual([]);
  });

  test("when a selection becomes an event that is not a meeting, then its words name it and its accepted actors take part", async () => {
    const selection = { ...SELECTION, id: "s:ev", kind: "event" as const, fields: {} };
    const compiled = compileDraft(input([...reviewed(), decide("s:ev", "accept")], [SELECTION, selection]));
    expect(compiled.adds.events).toContainEqual({
      id: "event:ryzhenkov-called-the-talks-useful",
      name: "Ryzhenkov called the talks useful.",
      proposal: "s:ev",
    });
    const events = file(compiled, "events.yaml")?.events ?? [];
    expect(events.find((e) => e.id === "event:ryzhenkov-called-the-talks-useful")).toMatchObject({
      kind: "other",
      participants: [{ actor: "actor:maxim-ryzhenkov" }],
    });
    expect((await validateDataset(await written(compiled))).problems).toEqual([]);
  });

  test("when an edited span is empty or outside the text, then the files are invalid with a problem, not a hang or a crash", async () => {
    const decisions = [
      ...reviewed().filter((d) => d.proposal !== "p6"),
      decide("p6", "accept", null, { start: TEXT.length + 10, end: TEXT.length + 20 }),
    ];
    const result = await validateDataset(await written(compileDraft(input(decisions))));
    expect(result.problems.map((p) => [p.code, p.file])).toContainEqual(["INVALID_VALUE", "events.yaml"]);
  });
});

describe("referencedIds", () => {
  test("when a review links and creates, then the linked ids and the new records' candidate ids are named, and nothing rejected", () => {
    const ids = referencedIds({ draft: DRAFT, selections: [SELECTION], decisions: reviewed() });
    expect(ids).toEqual(
      expect.arrayContaining([
        "actor:wang-yi",
        "actor:sergey-lavrov",
        "actor:maxim-ryzhenkov",
        "actor:maxim-ryzhenkov-2",
        "forum:minsk-security-conference",
        "actor:jo-reporter",
      ]),
    );
    expect(ids.some((id) => id.includes("carnegie"))).toBe(false);
  });

  test("when a review is compiled, then every id its new records take was named for the lookup (names of linked nodes do not change ids)", () => {
    const variants = [
      reviewed(),
      [...reviewed().filter((d) => d.proposal !== "p6"), decide("p6", "accept", "event:wang-yi-lavrov-meetings")],
      [...reviewed().filter((d) => d.proposal !== "p5"), decide("p5", "accept", "forum:brics")],
      [...reviewed().filter((d) => d.proposal !== "p2"), decide("p2", "accept", null, { name: "S. Lavrov" })],
    ];
    for (const decisions of variants) {
      const named = new Set(referencedIds({ draft: DRAFT, selections: [SELECTION], decisions }));
      const compiled = compileDraft(input(decisions));
      const added = Object.values(compiled.adds).flatMap((records) => records.map((record) => record.id));
      expect(added.filter((id) => !named.has(id))).toEqual([]);
    }
  });
});

describe("quoteOf", () => {
  test("when a span occurs more than once, then the shortest context that makes it unique is added", () => {
    const second = at("Wang Yi", 2);
    const quote = quoteOf(TEXT, second.start, second.end);
    expect(quote.exact).toBe("Wang Yi");
    expect(quote.prefix ?? quote.suffix).toBeTruthy();
  });

  test("when a span is shorter than three characters, then its sentence is quoted", () => {
    const span = at("in Minsk on");
    expect(quoteOf(TEXT, span.start, span.start + 2, at("Chinese Foreign Minister Wang Yi met")).exact).toBe(
      "Chinese Foreign Minister Wang Yi met",
    );
  });
});

describe("slugOf", () => {
  test("when a name has diacritics and punctuation, then it folds to kebab-case", () => {
    expect(slugOf("Sergéy Lavrov’s talks")).toBe("sergey-lavrov-s-talks");
    expect(slugOf("习近平")).toBe("");
  });
});
