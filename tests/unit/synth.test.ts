import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { locate } from "../../server/dataset/evidence.js";
import {
  combination,
  companyName,
  forumName,
  groupName,
  militaryName,
  NameBook,
  organisationName,
  personName,
  regionName,
  stateName,
} from "../../server/synth/names.js";
import { Random, Zipf } from "../../server/synth/random.js";
import { evidence, SourceText } from "../../server/synth/text.js";
import { yamlItem } from "../../server/synth/writer.js";

describe("Random", () => {
  test("when two generators share a seed, then they give the same numbers; another seed gives others", () => {
    const draw = (seed: number) => {
      const random = new Random(seed);
      return Array.from({ length: 20 }, () => random.next());
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    for (const value of draw(1)) expect(value >= 0 && value < 1).toBe(true);
  });

  test("when integers are drawn, then both bounds occur and nothing outside them", () => {
    const random = new Random(3);
    const seen = new Set(Array.from({ length: 500 }, () => random.int(2, 5)));
    expect([...seen].sort()).toEqual([2, 3, 4, 5]);
  });
});

describe("Zipf", () => {
  test("when ranks are drawn, then the first ranks are drawn far more often than later ones (a few hubs)", () => {
    const random = new Random(1);
    const zipf = new Zipf(1_000, 0.8);
    const counts = new Array<number>(1_000).fill(0);
    for (let i = 0; i < 50_000; i++) {
      const rank = zipf.draw(random);
      counts[rank] = (counts[rank] ?? 0) + 1;
    }
    const tail = counts.slice(500).reduce((a, b) => a + b, 0) / 500;
    expect(counts[0]).toBeGreaterThan(50 * tail);
    expect(counts.every((n) => n >= 0)).toBe(true);
  });

  test("when distinct ranks are asked for, then none repeats", () => {
    const ranks = new Zipf(20, 1.2).distinct(new Random(2), 12);
    expect(new Set(ranks).size).toBe(12);
  });
});

describe("names", () => {
  test("when every combination of small lists is asked for, then each comes once, and none past the last", () => {
    const lists = [
      ["a", "b", "c"],
      ["x", "y"],
      ["1", "2", "3", "4"],
    ];
    const all = Array.from({ length: 24 }, (_, i) => combination(lists, i)?.join(""));
    expect(new Set(all).size).toBe(24);
    expect(combination(lists, 24)).toBeNull();
  });

  test("when the combinations of a kind of name run out, then the names are numbered, never missing a part", () => {
    expect(groupName(31, "Fenstostan")).toBe("Group 32 of Fenstostan");
    for (let index = 0; index < 5_000; index += 7) {
      const state = stateName(index);
      for (const name of [
        groupName(index, "Fenstostan"),
        companyName(index),
        forumName(index).name,
        personName(index),
        state.name,
        state.short,
        state.capital,
        organisationName(index, "Fenstostan"),
        militaryName(index, "Fenstostan"),
        regionName(index, "Fenstostan"),
      ]) {
        expect(name).not.toMatch(/undefined|null|\s\s|^\s|\s$/);
      }
    }
  });

  test("when two names have the same search key, then the second gets a numeral; an alias whose key is taken is dropped", () => {
    const book = new NameBook();
    expect(book.unique("Belt and Road Forum")).toBe("Belt and Road Forum");
    expect(book.unique("Belt Road Forum")).toBe("Belt Road Forum II");
    expect(book.alias("the Belt Road Forum")).toEqual([]);
    expect(book.alias("BRF")).toEqual(["BRF"]);
    expect(book.id("forum", "Belt and Road Forum")).toBe("forum:belt-and-road-forum");
    expect(book.id("forum", "Belt-and-Road Forum")).toBe("forum:belt-and-road-forum-2");
  });
});

describe("SourceText and evidence", () => {
  test("when a sentence repeats, then the text tells the two apart, and each quote locates exactly once", () => {
    const text = new SourceText();
    text.line("Title");
    const first = text.sentence("A met B.");
    const second = text.sentence("A met B.");
    text.endParagraph();
    const inner = text.sentence("Reports said that C met D.");
    const outer = text.sentence("C met D.");
    const content = text.toString();
    expect(second.exact).not.toBe(first.exact);
    for (const quote of [first, second, inner, outer]) {
      const found = locate(content, evidence(content, quote, "source:x"));
      expect(found).toEqual({ found: true, start: quote.start, end: quote.start + quote.exact.length });
    }
    // "C met D." also occurs inside the longer sentence: its evidence needs a prefix.
    expect(evidence(content, outer, "source:x").prefix).toBeDefined();
    expect(content.split("\n\n")).toHaveLength(3);
  });
});

describe("yamlItem", () => {
  test("when a record holds quotes, newlines, non-ASCII text, nested lists and maps, then YAML reads back the same record", () => {
    const record = {
      id: "claim:x",
      text: "He said \"no limits\": it's — Sergeï's — view.\nNext line",
      quantity: { value: 1.5e9, period: { on: "2024" } },
      about: ["actor:a", "actor:b"],
      evidence: [{ source: "source:s", exact: "on: [not] {a map}", prefix: "# " }],
    };
    const text = `claims:\n${yamlItem(record)}${yamlItem({ id: "claim:y", note: undefined })}`;
    expect(parse(text)).toEqual({ claims: [record, { id: "claim:y" }] });
  });
});
