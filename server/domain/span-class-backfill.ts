/**
 * The full rebuild's step that gives span classes to events and claims loaded before they existed,
 * computed by the loaders' own definition (span-classes.ts), so a database needs no reload.
 */
import { z } from "zod";
import { int, temporal } from "../neo4j/columns.js";
import { defineQuery } from "../neo4j/query-runner.js";
import type { Exec } from "./projections.js";
import { spanClassOf } from "./span-classes.js";

const missing = defineQuery<{ afterEvent: string; afterClaim: string; batch: number }>(
  "projection/span-classes-missing",
  "READ",
).rows({
  label: z.enum(["Event", "Claim"]),
  id: z.string(),
  dateStart: temporal().nullable(),
  dateEnd: temporal().nullable(),
  periodStart: temporal().nullable(),
  periodEnd: temporal().nullable(),
});
const set = defineQuery<{
  events: { id: string; date: number | null }[];
  claims: { id: string; date: number | null; period: number | null }[];
}>("projection/span-classes-set", "WRITE").rows({ written: int() });

/** Past every id: a label whose last batch came short has nothing left to read. */
const DONE = "\u{10FFFF}";

const classOf = (start: string | null, end: string | null) => spanClassOf(start ?? undefined, end ?? undefined) ?? null;

/**
 * Writes the missing span classes, `batch` nodes of each label per round (each round a query of
 * its own through `exec`: inside a load's transaction, or committed one by one); returns how
 * many nodes got one. On a database where none is missing: one read, no write.
 * @example await backfillSpanClasses(autoCommit(runner))
 */
export async function backfillSpanClasses(exec: Exec, batch = 10_000): Promise<number> {
  let afterEvent = "";
  let afterClaim = "";
  let written = 0;
  while (afterEvent !== DONE || afterClaim !== DONE) {
    const rows = await exec(missing, { afterEvent, afterClaim, batch });
    const events = rows.filter((row) => row.label === "Event");
    const claims = rows.filter((row) => row.label === "Claim");
    if (rows.length > 0) {
      await exec(set, {
        events: events.map((row) => ({ id: row.id, date: classOf(row.dateStart, row.dateEnd) })),
        claims: claims.map((row) => ({
          id: row.id,
          date: classOf(row.dateStart, row.dateEnd),
          period: row.dateStart === null ? classOf(row.periodStart, row.periodEnd) : null,
        })),
      });
      written += rows.length;
    }
    afterEvent = events.length < batch ? DONE : (events.at(-1)?.id ?? DONE);
    afterClaim = claims.length < batch ? DONE : (claims.at(-1)?.id ?? DONE);
  }
  return written;
}
