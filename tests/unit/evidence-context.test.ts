import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { CONTEXT_ROOM, evidenceItem, passageContext } from "../../server/domain/evidence.js";
import { fromRoot } from "../../server/lib/project-root.js";

const marked = ({ text, highlights }: { text: string; highlights: { start: number; end: number }[] }) =>
  highlights.map((range) => text.slice(range.start, range.end));

describe("passageContext", () => {
  test("when the passage sits at its offset in a short paragraph, then the whole paragraph comes back with the passage highlighted", () => {
    expect(passageContext("A met B. Then C.", "met B.", 2)).toEqual({
      text: "A met B. Then C.",
      highlights: [{ start: 2, end: 8 }],
    });
  });

  test("when the offset is wrong, then the passage is found by its text; when it is not there, it stands alone", () => {
    expect(marked(passageContext("A met B. Then C.", "Then", 0))).toEqual(["Then"]);
    expect(passageContext("A met B.", "saw", 2)).toEqual({ text: "saw", highlights: [{ start: 0, end: 3 }] });
  });

  test("when the paragraph is long on both sides, then it is cut at words near the room on each side, marked with …", () => {
    const before = "word ".repeat(200);
    const after = " tail".repeat(200);
    const context = passageContext(`${before}EXACT${after}`, "EXACT", before.length);
    expect(marked(context)).toEqual(["EXACT"]);
    expect(context.text.startsWith("…")).toBe(true);
    expect(context.text.endsWith("…")).toBe(true);
    expect(context.text.length).toBeLessThanOrEqual(2 * (CONTEXT_ROOM + 1) + "EXACT".length);
    // Cut at a word: no half word next to the marks.
    expect(context.text).toMatch(/^…word /);
    expect(context.text).toMatch(/ tail…$/);
  });

  test("when the text holds markup, then it is kept as plain text: nothing is escaped", () => {
    const context = passageContext("<b>Tom & Jerry</b> met", "Tom & Jerry", 3);
    expect(context.text).toBe("<b>Tom & Jerry</b> met");
    expect(marked(context)).toEqual(["Tom & Jerry"]);
  });
});

describe("evidenceItem", () => {
  test("when the projection gives a window of the paragraph, then the item carries its context, offsets and source with author id", () => {
    const item = evidenceItem(
      {
        id: "passage:s:10-13",
        exact: "met",
        start: 10,
        end: 13,
        context: "A met B.",
        contextOffset: 2,
        prefix: null,
        suffix: null,
      },
      {
        id: "source:s",
        title: "T",
        author: null,
        authorName: "Ann",
        authorId: "actor:ann",
        authorAffiliation: null,
        publisher: null,
        url: null,
        publishedStart: "2025-01-01",
        publishedEnd: null,
        publishedPrecision: null,
        publishedText: null,
      },
    );
    expect(item.passage).toMatchObject({ id: "passage:s:10-13", start: 10, end: 13, prefix: null, suffix: null });
    expect(marked(item.passage.context)).toEqual(["met"]);
    expect(item.source).toMatchObject({ author: "Ann", authorId: "actor:ann", publisher: null, url: null });
    expect(item.source.published?.start).toBe("2025-01-01");
  });
});

describe("cypher/: one projection of a passage with its source", () => {
  test("when queries read a passage's paragraph or a source's metadata for evidence, then only cypher/evidence/passages.cypher does", () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? files(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
      );
    const readers = files(fromRoot("cypher"))
      .filter((file) => !file.includes(`${path.sep}dataset${path.sep}`)) // the loader writes them
      .filter((file) => /\.paragraph\b|\.authorAffiliation\b|\.publishedText\b/.test(readFileSync(file, "utf8")))
      .map((file) => path.relative(fromRoot("cypher"), file));
    expect(readers).toEqual([path.join("evidence", "passages.cypher")]);
  });
});
