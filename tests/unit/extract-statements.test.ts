import { describe, expect, test } from "vitest";
import { emptyResolver, extract } from "../../server/extract/index.js";

const statements = async (text: string) => {
  const x = await extract({ text }, emptyResolver);
  return x.proposals.flatMap((p) =>
    p.kind === "statement" ? [{ quote: p.text, speaker: p.speakerText, exact: text.slice(p.start, p.end) }] : [],
  );
};

describe("extract: statements (quotations with their speakers)", () => {
  test("when a person is the subject of a verb of saying before a quotation, then that person is the speaker", async () => {
    const found = await statements(
      "In March 2022, Qin Gang, then Chinese Ambassador to the U.S., clarified that while ‘China-Russia cooperation did not have any forbidden areas, but it has a bottom line’.",
    );
    expect(found).toEqual([
      {
        quote: "China-Russia cooperation did not have any forbidden areas, but it has a bottom line",
        speaker: "Qin Gang",
        exact: "China-Russia cooperation did not have any forbidden areas, but it has a bottom line",
      },
    ]);
  });

  test("when a short quotation is introduced as words ('described X as ‘…’'), then it is a statement, and a quoted term is not", async () => {
    const found = await statements("In 2023, Fu Cong described the ‘no-limits partnership’ as ‘nothing but rhetoric’.");
    expect(found.map((s) => [s.quote, s.speaker])).toEqual([["nothing but rhetoric", "Fu Cong"]]);
  });

  test("when the speaker is named after the quotation with 'said', then that actor is the speaker", async () => {
    const found = await statements(
      "“We will not be dragged into anyone’s confrontation,” said Sergey Lavrov on Friday.",
    );
    expect(found.map((s) => [s.quote, s.speaker])).toEqual([
      ["We will not be dragged into anyone’s confrontation", "Sergey Lavrov"],
    ]);
  });

  test("when the speaker is named after the quotation before the verb ('…,” X told reporters'), then that actor is the speaker", async () => {
    const found = await statements(
      "Badr Abdelatty met Faisal bin Farhan. “Egypt will never accept the displacement of Palestinians,” Abdelatty told reporters.",
    );
    expect(found.map((s) => [s.quote, s.speaker])).toEqual([
      ["Egypt will never accept the displacement of Palestinians", "Abdelatty"],
    ]);
  });

  test("when a quotation names something in title case, then it is not a statement", async () => {
    expect(await statements("Both countries took part in ‘Exercise Joint Sea-2024’ in July.")).toEqual([]);
  });
});
