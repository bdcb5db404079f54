import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { isRealDate, partialDate, resolveDate } from "../../server/dataset/dates.js";
import { furnitureLines, locate, paragraphAround } from "../../server/dataset/evidence.js";
import type { GraphRows } from "../../server/dataset/graph-model.js";
import { passageId, resolveDataset, shorten } from "../../server/dataset/resolve.js";
import { readDataset, type ValidDataset } from "../../server/dataset/validate.js";

describe("resolveDate", () => {
  test.each([
    [{ on: "2025-05-09" }, "2025-05-09", "2025-05-09", "day", "9 May 2025"],
    [{ on: "2023-10" }, "2023-10-01", "2023-10-31", "month", "Oct 2023"],
    [{ on: "2024-02" }, "2024-02-01", "2024-02-29", "month", "Feb 2024"],
    [{ on: "2024" }, "2024-01-01", "2024-12-31", "year", "2024"],
    [{ on: "1960s", qualifier: "late" as const }, "1960-01-01", "1969-12-31", "decade", "late 1960s"],
    [{ from: "2022-02", to: "2025-02" }, "2022-02-01", "2025-02-28", "month", "Feb 2022 – Feb 2025"],
    [{ from: "2003", to: "2025-05-09" }, "2003-01-01", "2025-05-09", "year", "2003 – 9 May 2025"],
    [{ from: "2022-02", qualifier: "since" as const }, "2022-02-01", null, "month", "since Feb 2022"],
    [{ to: "2022-02", qualifier: "before" as const }, null, "2022-02-28", "month", "before Feb 2022"],
    [{ from: "2021" }, "2021-01-01", null, "year", "from 2021"],
  ])("when the date is %j, then it spans %s..%s at %s precision, shown as %s", (spec, start, end, precision, text) => {
    expect(resolveDate(spec)).toMatchObject({ start, end, precision, text });
  });

  test("when a day does not exist, then it is not a real date", () => {
    expect(isRealDate("2025-02-29")).toBe(false);
    expect(isRealDate("2024-02-29")).toBe(true);
    expect(isRealDate("2024-13")).toBe(false);
    expect(partialDate("2024-02-29").text).toBe("29 Feb 2024");
  });
});

describe("locate", () => {
  const text = "Vale called it good. Berg called it good too.";
  test("when the quotation occurs once, then its offsets are JavaScript string indices", () => {
    const found = locate(text, { exact: "Berg called" });
    expect(found).toEqual({ found: true, start: 21, end: 32 });
  });
  test("when it occurs twice, then a prefix or suffix must single it out", () => {
    expect(locate(text, { exact: "called it good" })).toEqual({ found: false, reason: "ambiguous", matches: 2 });
    expect(locate(text, { exact: "called it good", prefix: "Berg " })).toMatchObject({ found: true, start: 26 });
    expect(locate(text, { exact: "called it good", suffix: "." })).toMatchObject({ found: true, start: 5 });
    expect(locate(text, { exact: "called it good", prefix: "Anna " })).toMatchObject({
      found: false,
      reason: "context-mismatch",
    });
  });
  test("when it does not occur, then it is not found", () => {
    expect(locate(text, { exact: "called it bad" })).toEqual({ found: false, reason: "not-found" });
  });
});

describe("paragraphAround", () => {
  test("when the span sits in a paragraph, then blank lines and furniture lines bound it", () => {
    const text = "Title\n\nListen to article\nFirst line.\nSecond line.\n\nNext.";
    const start = text.indexOf("Second");
    const paragraph = paragraphAround(text, start, start + 6, furnitureLines(text, ["Listen to article"]));
    expect(paragraph.text).toBe("First line.\nSecond line.");
    expect(paragraph.text.slice(paragraph.offset, paragraph.offset + 6)).toBe("Second");
  });
});

describe("shorten", () => {
  test("when the text is long, then it is cut at a word with an ellipsis", () => {
    expect(shorten("Wang Yi and Sergey Lavrov met 18 times", 20)).toBe("Wang Yi and Sergey…");
    expect(shorten("short", 20)).toBe("short");
  });
});

describe("resolveDataset", () => {
  let dataset: ValidDataset;
  let graph: GraphRows;
  const node = (label: keyof GraphRows["nodes"], id: string) => graph.nodes[label].find((n) => n.id === id)?.props;
  const rels = (type: keyof GraphRows["relationships"], from?: string) =>
    graph.relationships[type].filter((r) => from === undefined || r.from === from);

  beforeAll(async () => {
    dataset = await readDataset(path.resolve(import.meta.dirname, "../fixtures/datasets/valid"));
    graph = resolveDataset(dataset);
  });

  test("when evidence is resolved, then each passage's exact is the source text at start..end", () => {
    const source = dataset.sources[0]?.text ?? "";
    expect(graph.nodes.Passage.length).toBeGreaterThan(0);
    for (const passage of graph.nodes.Passage) {
      const { exact, start, end, paragraph, paragraphOffset } = passage.props as {
        exact: string;
        start: number;
        end: number;
        paragraph: string;
        paragraphOffset: number;
      };
      expect(source.slice(start, end)).toBe(exact);
      expect(paragraph.slice(paragraphOffset, paragraphOffset + exact.length)).toBe(exact);
      expect(passage.id).toBe(passageId("source:test-article", start, end));
    }
  });

  test("when a quotation needs a prefix, then the passage is the one the prefix singles out", () => {
    const [evidenced] = rels("EVIDENCED_BY", "claim:vale-talks-productive");
    const passage = graph.nodes.Passage.find((p) => p.id === evidenced?.to)?.props;
    const source = dataset.sources[0]?.text ?? "";
    expect(passage?.start).toBe(source.indexOf("Vale called") + "Vale ".length);
    expect(passage?.prefix).toBe("Vale ");
  });

  test("when an event has participants and forums, then those edges carry the event's passages", () => {
    const eventPassages = rels("EVIDENCED_BY", "event:geneva-talks-2024").map((r) => r.to);
    expect(eventPassages).toHaveLength(1);
    const participations = rels("PARTICIPATED_IN").filter((r) => r.to === "event:geneva-talks-2024");
    expect(participations.map((r) => [r.from, r.props.role])).toEqual([
      ["actor:anna-berg", "host"],
      ["actor:tomas-vale", "guest"],
    ]);
    for (const r of participations) expect(r.props.evidence).toEqual(eventPassages);
    expect(rels("AT_FORUM", "event:geneva-talks-2024")[0]?.props.evidence).toEqual(eventPassages);
    expect(rels("PART_OF", "event:geneva-talks-2024")[0]).toMatchObject({
      to: "event:berg-vale-meetings",
      props: { evidence: eventPassages },
    });
  });

  test("when a statement has two speakers, then both are STATED_BY", () => {
    expect(rels("STATED_BY", "claim:no-limits").map((r) => r.to)).toEqual(["actor:anna-berg", "actor:tomas-vale"]);
  });

  test("when a claim is a quantity, then its numbers are flat properties", () => {
    expect(node("Claim", "claim:trade-2023")).toMatchObject({
      kind: "quantity",
      measure: "Norland–Southia trade",
      value: 12_000_000_000,
      unit: "USD",
      qualifier: "about",
      periodStart: "2023-01-01",
      periodEnd: "2023-12-31",
      periodText: "2023",
      changeValue: 20,
      changeUnit: "percent",
      changeDirection: "increase",
      changeBase: "2020",
    });
  });

  test("when an actor has aliases and roles, then aliasText and role strings are derived, and HOLDS_ROLE carries its passage", () => {
    expect(node("Actor", "actor:tomas-vale")).toMatchObject({
      aliases: ["Vale"],
      aliasText: "Vale",
      nameKeys: ["tomas vale", "vale"],
      roles: ["then Minister, Southia"],
    });
    expect(node("Actor", "actor:anna-berg")?.roles).toEqual(["Foreign Minister, Norland (3 Mar 2024)"]);
    const [role] = rels("HOLDS_ROLE", "actor:tomas-vale");
    expect(role).toMatchObject({ to: "actor:southia", props: { title: "Minister", certainty: "uncertain" } });
    expect(rels("EVIDENCED_BY", "actor:tomas-vale").map((r) => r.to)).toEqual(role?.props.evidence);
  });

  test("when nodes are resolved, then every node has a name and the source keeps its full text as content", () => {
    for (const rows of Object.values(graph.nodes))
      for (const row of rows) expect(row.props.name).toEqual(expect.any(String));
    const source = node("Source", "source:test-article");
    expect(source?.content).toBe(dataset.sources[0]?.text);
    expect(source).not.toHaveProperty("text");
    expect(source).toMatchObject({
      author: "Jo Writer",
      publishedStart: "2024-03-03",
      publishedText: "after 3 Mar 2024",
    });
    expect(source).not.toHaveProperty("publisher");
    expect(rels("AUTHORED_BY")).toEqual([{ from: "source:test-article", to: "actor:jo-writer", props: {} }]);
  });

  test("when a claim contradicts another, then CONTRADICTS carries the note", () => {
    expect(rels("CONTRADICTS", "claim:partnership-has-limits")[0]).toMatchObject({
      to: "claim:no-limits",
      props: { note: "The ministers said it has none." },
    });
  });

  test("when resolved twice, then the rows are identical", () => {
    expect(resolveDataset(dataset)).toEqual(graph);
  });
});
