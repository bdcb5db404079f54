import path from "node:path";
import { describe, expect, test } from "vitest";
import { resolveDataset } from "../../server/dataset/resolve.js";
import { readDataset } from "../../server/dataset/validate.js";
import {
  classBounds,
  daysBefore,
  SPAN_CLASSES,
  spanClass,
  spanClassOf,
  spanDays,
} from "../../server/domain/span-classes.js";

describe("spanClass", () => {
  test("when a span is 0, 1, 2^k − 1 or 2^k days, then its class is its number of bits", () => {
    expect(spanClass(0)).toBe(0);
    expect(spanClass(1)).toBe(1);
    expect(spanClass(2)).toBe(2);
    expect(spanClass(3)).toBe(2);
    for (let k = 1; k < SPAN_CLASSES - 1; k++) {
      expect(spanClass(2 ** k - 1), `2^${k} − 1`).toBe(k);
      expect(spanClass(2 ** k), `2^${k}`).toBe(k + 1);
    }
  });

  test("when any span is classed, then it is below 2^class and (past 0) at least 2^(class − 1)", () => {
    for (let days = 0; days < 5_000; days++) {
      const c = spanClass(days);
      expect(days).toBeLessThan(2 ** c);
      if (days > 0) expect(days).toBeGreaterThanOrEqual(2 ** (c - 1));
    }
  });

  test("when the end is before the start, then the class is 0", () => {
    expect(spanClass(-3)).toBe(0);
    expect(spanClassOf("2024-03-10", "2024-03-01")).toBe(0);
  });

  test("when the longest span dates allow is classed, then its class is below SPAN_CLASSES", () => {
    expect(spanClass(spanDays("0001-01-01", "9999-12-31"))).toBe(SPAN_CLASSES - 1);
  });
});

describe("spanClassOf", () => {
  test("when an entry is one day, a week, a leap year or open-ended, then its class is that of its days", () => {
    expect(spanClassOf("2024-03-03", "2024-03-03")).toBe(0);
    expect(spanClassOf("2024-03-03", "2024-03-04")).toBe(1);
    expect(spanClassOf("2024-03-01", "2024-03-07")).toBe(3); // 6 days
    expect(spanClassOf("2024-01-01", "2024-12-31")).toBe(9); // 365 days
    expect(spanClassOf("2024-03-03", undefined)).toBe(0); // the timeline ends an open end at its start
    expect(spanClassOf(undefined, "2024-03-03")).toBeUndefined();
  });

  test("when days are counted across a leap day or before year 100, then they are calendar days", () => {
    expect(spanDays("2024-02-28", "2024-03-01")).toBe(2);
    expect(spanDays("2023-02-28", "2023-03-01")).toBe(1);
    expect(spanDays("0050-01-01", "0051-01-01")).toBe(365);
  });
});

describe("classBounds", () => {
  test("when classes have longest spans, then each is read from the window's start less its own span, and absent ones not at all", () => {
    expect(classBounds("2024-03-10", [0, -1, 3, -1, -1, -1, -1, -1, -1, 365], null)).toEqual([
      { class: 0, lower: "2024-03-10" },
      { class: 2, lower: "2024-03-07" },
      { class: 9, lower: "2023-03-11" },
    ]);
  });

  test("when there is no dates summary, then every class is read from as far back as a span of its class can reach", () => {
    const bounds = classBounds("2024-03-10", null, null);
    expect(bounds).toHaveLength(SPAN_CLASSES);
    expect(bounds[0]).toEqual({ class: 0, lower: "2024-03-10" });
    expect(bounds[1]).toEqual({ class: 1, lower: "2024-03-09" });
    expect(bounds[3]).toEqual({ class: 3, lower: "2024-03-03" }); // 7 days back
    expect(bounds[SPAN_CLASSES - 1]?.lower).toBe("0001-01-01");
  });

  test("when the cursor is later than a class's bound, then that class reads from the cursor and the others from their bounds", () => {
    expect(classBounds("2024-03-10", [0, -1, 3, 100], "2024-03-08")).toEqual([
      { class: 0, lower: "2024-03-10" },
      { class: 2, lower: "2024-03-08" },
      { class: 3, lower: "2024-03-08" },
    ]);
  });

  test("when a class reaches past year 1, then its read starts on 0001-01-01", () => {
    expect(daysBefore("0001-01-05", 10)).toBe("0001-01-01");
    expect(classBounds("0001-01-05", [-1, -1, -1, -1, 10], null)).toEqual([{ class: 4, lower: "0001-01-01" }]);
  });
});

describe("resolveDataset span classes", () => {
  test("when events and claims are resolved, then each has the class of the date the timeline places it by, and only that one", async () => {
    const graph = resolveDataset(await readDataset(path.resolve(import.meta.dirname, "../fixtures/datasets/valid")));
    const props = (label: "Event" | "Claim", id: string) => graph.nodes[label].find((row) => row.id === id)?.props;
    // 2021-01-01 – 2024-03-03: 1,157 days.
    expect(props("Event", "event:berg-vale-meetings")?.dateSpanClass).toBe(11);
    expect(props("Event", "event:geneva-talks-2024")?.dateSpanClass).toBe(0);
    // Placed by its period (2023: 364 days), it has no date of its own.
    expect(props("Claim", "claim:trade-2023")).toMatchObject({ periodSpanClass: 9 });
    expect(props("Claim", "claim:trade-2023")?.dateSpanClass).toBeUndefined();
    // Neither a date nor a period: nothing for the timeline.
    expect(props("Claim", "claim:no-limits")?.dateSpanClass).toBeUndefined();
    expect(props("Claim", "claim:no-limits")?.periodSpanClass).toBeUndefined();
  });
});
