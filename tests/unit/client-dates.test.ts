import { describe, expect, test } from "vitest";
import {
  formatDate,
  formatIsoDate,
  monthIndex,
  monthIso,
  nodeDateBounds,
  overlapsRange,
  stopIndex,
  timeStops,
} from "../../client/format/dates.js";

describe("client dates", () => {
  test("when a date has a precision, then it is shown no more precisely than that", () => {
    expect(formatIsoDate("2025-05-09", "day")).toBe("9 May 2025");
    expect(formatIsoDate("2023-10-01", "month")).toBe("Oct 2023");
    expect(formatIsoDate("2023-01-01", "year")).toBe("2023");
    expect(formatIsoDate("1967-01-01", "decade")).toBe("1960s");
  });

  test("when the server sent the source's wording, then it is used; else the bounds are formatted", () => {
    expect(formatDate({ start: "1960-01-01", end: "1969-12-31", precision: "decade", text: "late 1960s" })).toBe(
      "late 1960s",
    );
    expect(formatDate({ start: "2022-02-01", end: "2025-02-28", precision: "month", text: "" })).toBe(
      "Feb 2022 – Feb 2025",
    );
    expect(formatDate({ start: "2023-10-01", end: "2023-10-31", precision: "month", text: "" })).toBe("Oct 2023");
    expect(formatDate(null)).toBe("undated");
  });

  test("when a node has date or period properties, then its bounds are read from them", () => {
    expect(nodeDateBounds({ dateStart: "2025-05-09", dateEnd: "2025-05-09" })).toEqual({
      start: "2025-05-09",
      end: "2025-05-09",
    });
    expect(nodeDateBounds({ periodStart: "2022-02-01", periodEnd: "2022-12-31" })).toEqual({
      start: "2022-02-01",
      end: "2022-12-31",
    });
    expect(nodeDateBounds({ name: "undated" })).toBeNull();
  });

  test("when a date is open at one end (since, before), then that bound is open, not a single day", () => {
    expect(nodeDateBounds({ dateStart: "2022-02-01" })).toEqual({ start: "2022-02-01", end: null });
    expect(nodeDateBounds({ dateEnd: "2022-02-28" })).toEqual({ start: null, end: "2022-02-28" });
    expect(nodeDateBounds({ periodStart: "2022-02-01" })).toEqual({ start: "2022-02-01", end: null });
    const since = { start: "2022-02-01", end: null };
    const before = { start: null, end: "2022-02-28" };
    expect(overlapsRange(since, { from: "2024-01" })).toBe(true);
    expect(overlapsRange(since, { to: "2021-12" })).toBe(false);
    expect(overlapsRange(before, { from: "2023-01" })).toBe(false);
    expect(overlapsRange(before, { to: "2021-12" })).toBe(true);
    expect(formatDate({ ...since, precision: "month", text: "" })).toBe("since Feb 2022");
    expect(formatDate({ ...before, precision: "month", text: "" })).toBe("until Feb 2022");
  });

  test("when bounds are compared with a range, then overlap counts and month prefixes cover whole months", () => {
    const may9 = { start: "2025-05-09", end: "2025-05-09" };
    expect(overlapsRange(may9, { from: "2025-05", to: "2025-05" })).toBe(true);
    expect(overlapsRange(may9, { to: "2025-04" })).toBe(false);
    expect(overlapsRange(may9, { from: "2025-06" })).toBe(false);
    expect(overlapsRange({ start: "2022-02-01", end: "2025-02-28" }, { from: "2024-01", to: "2024-03" })).toBe(true);
    expect(overlapsRange(null, { from: "2030" })).toBe(true);
  });

  test("when months are indexed for a slider, then the index and its ISO month round-trip", () => {
    expect(monthIso(monthIndex("2023-10-15"))).toBe("2023-10");
    expect(monthIndex("2024-01") - monthIndex("2023-12")).toBe(1);
  });
});

describe("client time stops", () => {
  test("when the data is sparse early and dense late, then the sliders stop only where something begins or ends", () => {
    const span = { start: "1960-01-01", end: "2025-12-31" };
    const stops = timeStops(
      [
        { start: "1960-01-01", end: "1969-12-31" },
        { start: "2022-02-01", end: null },
        { start: null, end: "2022-02-28" },
        { start: "2024-05-01", end: "2024-05-31" },
      ],
      span,
    );
    expect(stops.map(monthIso)).toEqual(["1960-01", "1969-12", "2022-02", "2024-05", "2025-12"]);
    expect(stopIndex(stops, monthIndex("2023-01"), "from")).toBe(2);
    expect(stopIndex(stops, monthIndex("2023-01"), "to")).toBe(3);
    expect(stopIndex(stops, monthIndex("1950-01"), "from")).toBe(0);
    expect(stopIndex(stops, monthIndex("2030-01"), "to")).toBe(4);
  });
});
