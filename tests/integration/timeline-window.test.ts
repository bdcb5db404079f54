import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { TimelineResponse } from "../../common/api-types.js";
import { loadDataset } from "../../server/dataset/load.js";
import { ensureProjections, projectionState } from "../../server/domain/projections.js";
import { classBounds } from "../../server/domain/span-classes.js";
import type { TestServer } from "../support/http.js";
import { readRows, testNeo4j, testRunner } from "../support/neo4j.js";
import { type SeededApi, seededApi } from "./api-fixture.js";
import { planOf, RecordingRunner, scans } from "./footprint-helpers.js";
import { pageThrough } from "./paging-helpers.js";
import { bruteForce, type DatedRecord, mixedRecords, writeDataset } from "./timeline-fixture.js";

// One graph of events and claims with mixed spans (timeline-fixture.ts); every window is walked
// page by page through the cursor and compared, in order, with a brute-force read of the graph.
let dir: string;
let api: SeededApi;
let driver: Driver;
let server: TestServer;

/** Windows that open inside weeks, years and decades, before and after everything, with and without an end. */
const WINDOWS = [
  { from: "2022-03-04", to: "2022-04-30" },
  { from: "2022-03-04", to: null },
  { from: "2021-06-15", to: "2022-06-15" },
  { from: "2023-01-01", to: "2023-12-31" },
  { from: "2019-12-31", to: "2020-01-01" },
  { from: "1995-01-01", to: "2000-12-31" },
  { from: "2022-08-05", to: "2022-08-20" },
  { from: "2030-01-01", to: null },
];

/** Every entry of a window, page after page, as "start|end|id" keys. */
async function walk(window: { from: string | null; to: string | null; types?: string }, limit: number) {
  const query = [
    window.from ? `from=${window.from}` : "",
    window.to ? `to=${window.to}` : "",
    window.types ? `types=${window.types}` : "",
    `limit=${limit}`,
  ].filter(Boolean);
  const entries = await pageThrough(async (cursor) => {
    const url = `/api/timeline?${[...query, cursor ? `cursor=${cursor}` : ""].filter(Boolean).join("&")}`;
    const { status, body } = await server.get(url);
    expect(status, `${url}: ${JSON.stringify(body).slice(0, 300)}`).toBe(200);
    const page = body as TimelineResponse;
    expect(page.entries.length).toBeLessThanOrEqual(limit);
    expect(page.truncated).toBe(page.next !== null);
    return { items: page.entries, next: page.next };
  }, "");
  return entries.map((entry) => `${entry.date.start}|${entry.date.end}|${entry.id}`);
}

async function expectExact(windows: typeof WINDOWS, limits: readonly number[]) {
  for (const window of windows) {
    const expected = await bruteForce(driver, window);
    for (const limit of limits)
      expect(await walk(window, limit), `${JSON.stringify(window)} limit ${limit}`).toEqual(expected);
  }
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "liaison-timeline-window-"));
  api = await seededApi({}, { dataset: await writeDataset(path.join(dir, "mixed"), "timeline-mixed", mixedRecords()) });
  driver = api.driver;
  server = api.server;
}, 240_000);
afterAll(async () => {
  await api?.close();
  await rm(dir, { recursive: true, force: true });
});

describe("GET /api/timeline with a window", () => {
  test("when every page of a window is walked by cursor, then the entries are exactly those overlapping it, in order", async () => {
    // The fixture reaches into the first window from days, weeks, a year, decades and a period.
    const first = await bruteForce(driver, WINDOWS[0] as (typeof WINDOWS)[number]);
    for (const id of ["event:decades-into-window", "event:multi-year-series", "claim:period-decade-into-window"])
      expect(
        first.some((key) => key.endsWith(`|${id}`)),
        id,
      ).toBe(true);
    expect(first.some((key) => key.endsWith("|event:years-before-window"))).toBe(false);
    await expectExact(WINDOWS, [1, 3, 7, 50]);
  }, 120_000);

  test("when a type is asked for, then only its entries come, exactly and in order", async () => {
    for (const types of ["Event", "Claim"]) {
      for (const window of WINDOWS.slice(0, 4)) {
        const expected = await bruteForce(driver, { ...window, types: [types] });
        expect(await walk({ ...window, types }, 4), `${types} ${JSON.stringify(window)}`).toEqual(expected);
      }
    }
  }, 120_000);

  test("when the dates summary is not current (a rebuild under way), then every class is read and the windows are still exact", async () => {
    await readRows(
      driver,
      "MATCH (p:Projection {id: 'projection:derived'}) SET p.eventClassSpans = [0], p.state = 'building'",
    );
    try {
      await expectExact(WINDOWS.slice(0, 4), [5]);
    } finally {
      await ensureProjections(testRunner(driver), () => {});
    }
    const [row] = await readRows(driver, "MATCH (p:Projection) RETURN p.state AS state, size(p.eventClassSpans) AS n");
    expect(row).toEqual({ state: "done", n: expect.anything() });
  }, 120_000);

  test("when there is no window's start, then the paged timeline still lists every dated entry in order", async () => {
    expect(await walk({ from: null, to: null }, 11)).toEqual(await bruteForce(driver, { from: null, to: null }));
    expect(await walk({ from: null, to: "2021-12-31" }, 5)).toEqual(
      await bruteForce(driver, { from: null, to: "2021-12-31" }),
    );
  }, 60_000);

  test("when the window's read is planned, then each kind of date seeks its (class, start) index in order and no label is scanned", async () => {
    const { dates } = await projectionState(testRunner(driver));
    const bounds = (spans: number[] | null | undefined) => classBounds("2022-03-04", spans ?? null, null);
    const params = {
      event: bounds(dates?.eventClassSpans),
      claim: bounds(dates?.claimClassSpans),
      period: bounds(dates?.periodClassSpans),
      from: "2022-03-04",
      upper: "2022-04-30",
      after: null,
      limit: 5,
    };
    expect(params.event.length).toBeGreaterThan(3);
    const plan = await planOf(driver, "timeline/window", params);
    expect(scans(plan)).toEqual([]);
    // Each read in the index's own order, cut by LIMIT as it goes (not every entry of a class sorted).
    expect(plan.filter((op) => op.startsWith("PartialTop ")).length).toBe(3);
    // Every use of a class index is a seek (a scan would read the whole class), one per kind of date.
    const classIndex = plan.filter((op) => /SpanClass, (date|period)Start\)/.test(op));
    expect(classIndex.filter((op) => !op.startsWith("NodeIndexSeek "))).toEqual([]);
    for (const index of [
      ":Event(dateSpanClass, dateStart)",
      ":Claim(dateSpanClass, dateStart)",
      ":Claim(periodSpanClass, periodStart)",
    ])
      expect(classIndex.filter((op) => op.includes(index)).length, index).toBe(1);
  });
});

describe("GET /api/timeline with a window after one-transaction loads (projection/dates-merge)", () => {
  const extra = (withLong: boolean): DatedRecord[] => [
    { id: "event:extra-day", date: { on: "2022-03-20" } },
    { id: "claim:extra-week", date: { from: "2022-02-27", to: "2022-03-05" } },
    ...(withLong
      ? [
          { id: "event:extra-century", date: { from: "1900", to: "2022-03-08" } },
          { id: "claim:extra-period-century", period: { from: "1910", to: "2022-04" } },
        ]
      : []),
  ];

  test("when a dataset adds entries of a longer span class than any, then the windows still list exactly what overlaps them", async () => {
    const folder = await writeDataset(path.join(dir, "extra"), "timeline-extra", extra(true));
    const recording = new RecordingRunner(driver, testNeo4j().database, 10_000);
    await loadDataset(recording, folder);
    expect(recording.calls.map((c) => c.name)).toContain("projection/dates-merge");
    expect(recording.calls.map((c) => c.name)).not.toContain("projection/dates");
    const expected = await bruteForce(driver, WINDOWS[0] as (typeof WINDOWS)[number]);
    expect(expected.some((key) => key.endsWith("|event:extra-century"))).toBe(true);
    expect(expected.some((key) => key.endsWith("|claim:extra-period-century"))).toBe(true);
    await expectExact(WINDOWS.slice(0, 4), [2, 9]);
  }, 120_000);

  test("when it is reloaded without them, then they are gone from every window and the rest is exact", async () => {
    const folder = await writeDataset(path.join(dir, "extra"), "timeline-extra", extra(false));
    await loadDataset(testRunner(driver), folder);
    const expected = await bruteForce(driver, WINDOWS[0] as (typeof WINDOWS)[number]);
    expect(expected.some((key) => key.endsWith("|event:extra-century"))).toBe(false);
    await expectExact(WINDOWS.slice(0, 4), [2, 9]);
  }, 120_000);
});

describe("a database loaded before span classes", () => {
  test("when start-up finds the projection of an older version, then it gives every entry the class the loader gives, and windows are exact", async () => {
    const classes = `MATCH (n) WHERE n:Event OR n:Claim
      RETURN n.id AS id, n.dateSpanClass AS date, n.periodSpanClass AS period ORDER BY id`;
    const loaded = await readRows(driver, classes);
    expect(loaded.some((row) => row.date !== null)).toBe(true);
    expect(loaded.some((row) => row.period !== null)).toBe(true);
    await readRows(
      driver,
      `MATCH (n) WHERE n:Event OR n:Claim REMOVE n.dateSpanClass, n.periodSpanClass
       WITH count(*) AS done
       MATCH (p:Projection {id: 'projection:derived'})
       SET p.version = 2, p.eventSpanDays = 0, p.claimSpanDays = 0, p.periodSpanDays = 0
       REMOVE p.eventClassSpans, p.claimClassSpans, p.periodClassSpans`,
    );
    expect(await ensureProjections(testRunner(driver), () => {})).toBe(true);
    expect(await readRows(driver, classes)).toEqual(loaded);
    const [summary] = await readRows(
      driver,
      "MATCH (p:Projection {id: 'projection:derived'}) RETURN p.eventSpanDays AS old, size(p.eventClassSpans) AS classes",
    );
    expect(summary).toEqual({ old: null, classes: expect.anything() });
    await expectExact(WINDOWS.slice(0, 3), [4]);
  }, 120_000);
});
