import { describe, expect, test } from "vitest";
import { emptyResolver, extract } from "../../server/extract/index.js";

const dates = async (text: string, publishedAt = "2025-05-09") =>
  (await extract({ text, publishedAt }, emptyResolver)).proposals
    .filter((p) => p.kind === "date")
    .map((p) =>
      p.kind === "date" ? { text: p.text, value: p.value, precision: p.precision, qualifier: p.qualifier } : null,
    );

describe("extract: dates, resolved against the publication date", () => {
  test("when a full date is written, then it has day precision", async () => {
    expect(await dates("On May 9, 2025, Putin invited Xi.")).toEqual([
      { text: "May 9, 2025", value: "2025-05-09", precision: "day", qualifier: undefined },
    ]);
    expect(await dates("Talks were held on 3 June 2024.")).toEqual([
      { text: "3 June 2024", value: "2024-06-03", precision: "day", qualifier: undefined },
    ]);
  });

  test("when a month or a bare year is written, then its precision is month or year", async () => {
    expect(await dates("It began in February 2022 and grew in 2024.")).toEqual([
      { text: "February 2022", value: "2022-02", precision: "month", qualifier: undefined },
      { text: "2024", value: "2024", precision: "year", qualifier: undefined },
    ]);
  });

  test("when a date is relative, then it is read against the publication date", async () => {
    expect(await dates("They joined in July last year.", "2025-05-09")).toEqual([
      { text: "July last year", value: "2024-07", precision: "month", qualifier: undefined },
    ]);
    expect(await dates("They met last July.", "2025-05-09")).toEqual([
      { text: "last July", value: "2024-07", precision: "month", qualifier: undefined },
    ]);
    expect(await dates("They met last March.", "2025-05-09")).toEqual([
      { text: "last March", value: "2025-03", precision: "month", qualifier: undefined },
    ]);
    expect(await dates("The parade on May 9 was the eleventh.", "2025-06-01")).toEqual([
      { text: "May 9", value: "2025-05-09", precision: "day", qualifier: undefined },
    ]);
  });

  test("when a decade or a part of a year is qualified, then the qualifier is kept", async () => {
    expect(await dates("The war of the late 1960s and exports in late 2021.")).toEqual([
      { text: "late 1960s", value: "1960s", precision: "decade", qualifier: "late" },
      { text: "late 2021", value: "2021", precision: "year", qualifier: "late" },
    ]);
    expect(await dates("Since 2022 and after February 2022, and by 2024.")).toEqual([
      { text: "Since 2022", value: "2022", precision: "year", qualifier: "since" },
      { text: "after February 2022", value: "2022-02", precision: "month", qualifier: "after" },
      { text: "by 2024", value: "2024", precision: "year", qualifier: "by" },
    ]);
  });

  test("when a range is written, then one range proposal has both ends", async () => {
    const x = await extract(
      {
        text: "Between February 2022 and February 2025 they met; from 2003 to 2025 they drilled, and again in the second half of 2024.",
      },
      emptyResolver,
    );
    const ranges = x.proposals.filter((p) => p.kind === "date");
    expect(ranges.map((p) => (p.kind === "date" ? [p.text, p.value, p.precision, p.from, p.to] : []))).toEqual([
      ["Between February 2022 and February 2025", "2022-02/2025-02", "range", "2022-02", "2025-02"],
      ["from 2003 to 2025", "2003/2025", "range", "2003", "2025"],
      ["second half of 2024", "2024-07/2024-12", "range", "2024-07", "2024-12"],
    ]);
  });

  test("when a year is part of a name or an amount, or a month name is a surname, then no date is proposed", async () => {
    expect(await dates("Ocean-2024 involved 2024 troops; Dong Jun attended.")).toEqual([]);
  });

  test("when a weekday is named, then chrono-node reads it against the publication date", async () => {
    expect(await dates("They spoke by phone on Tuesday.", "2025-03-14")).toEqual([
      { text: "Tuesday", value: "2025-03-11", precision: "day", qualifier: undefined },
    ]);
  });

  test("when reported speech looks ahead ('would meet again in May', 'agreed to meet in May'), then the month is the next one, not the last", async () => {
    expect(await dates("Dong said the sides would meet again in May.", "2026-03-15")).toEqual([
      { text: "May", value: "2026-05", precision: "month", qualifier: undefined },
    ]);
    expect(await dates("They agreed to meet in January.", "2026-03-15")).toEqual([
      { text: "January", value: "2027-01", precision: "month", qualifier: undefined },
    ]);
    expect(await dates("They met in May.", "2026-03-15")).toEqual([
      { text: "May", value: "2025-05", precision: "month", qualifier: undefined },
    ]);
  });
});
