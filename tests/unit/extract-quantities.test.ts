import { describe, expect, test } from "vitest";
import { emptyResolver, extract } from "../../server/extract/index.js";
import type { QuantityProposal } from "../../server/extract/types.js";

const quantities = async (text: string) =>
  (await extract({ text }, emptyResolver)).proposals.filter(
    (p): p is QuantityProposal & { id: string } => p.kind === "quantity",
  );

describe("extract: quantities", () => {
  test("when money is written with a symbol or code and a scale, then value, currency and scale are read", async () => {
    const found = await quantities(
      "Trade reached about $245 billion, shipments exceeded USD 4 billion and exports fell to €97 billion.",
    );
    expect(found.map((q) => [q.text, q.value, q.unit, q.scale, q.qualifier])).toEqual([
      ["about $245 billion", 245e9, "USD", "billion", "about"],
      ["USD 4 billion", 4e9, "USD", "billion", "exceeds"],
      ["€97 billion", 97e9, "EUR", "billion", undefined],
    ]);
  });

  test("when a percentage is qualified, then the qualifier is kept", async () => {
    const found = await quantities("China accounts for nearly 40% of trade and 76 percent of arms imports.");
    expect(found.map((q) => [q.text, q.value, q.unit, q.qualifier])).toEqual([
      ["nearly 40%", 40, "percent", "nearly"],
      ["76 percent", 76, "percent", undefined],
    ]);
  });

  test("when a change is written, then its direction and base are read", async () => {
    const found = await quantities(
      "Trade grew, a 66% increase from 2021, up from 2% before the war; exports were down 8.8% from the previous year.",
    );
    expect(found.map((q) => [q.text, q.change])).toEqual([
      ["a 66% increase from 2021", { value: 66, unit: "percent", direction: "increase", base: "2021" }],
      ["up from 2% before the war", { unit: "percent", direction: "increase", baseValue: 2, base: "before the war" }],
      [
        "down 8.8% from the previous year",
        { value: 8.8, unit: "percent", direction: "decrease", base: "the previous year" },
      ],
    ]);
  });

  test("when a number counts a noun, then the noun is the unit, and an elided noun is the sentence's previous one", async () => {
    const found = await quantities(
      "A total of 90 joint drills were held, but 26 took place after the war, with over 90,000 troops and 400 ships.",
    );
    expect(found.map((q) => [q.text, q.value, q.unit])).toEqual([
      ["90 joint drills", 90, "drills"],
      ["26", 26, "drills"],
      ["over 90,000 troops", 90000, "troops"],
      ["400 ships", 400, "ships"],
    ]);
  });

  test("when people met a number of times, then the unit is meetings; 'out of' is kept", async () => {
    const found = await quantities(
      "Wang Yi and Sergey Lavrov met 18 times. China abstained in 8 out of 13 Ukraine-related votes.",
    );
    expect(found.map((q) => [q.text, q.value, q.unit, q.outOf])).toEqual([
      ["18 times", 18, "meetings", undefined],
      ["8 out of 13 Ukraine-related votes", 8, "votes", 13],
    ]);
  });

  test("when a number is a year or a definite reference ('the two countries'), then it is not a quantity", async () => {
    expect(await quantities("In 2024 the two countries held their first joint patrol.")).toEqual([]);
  });
});
