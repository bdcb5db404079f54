/** Adds contentSha256 to Source nodes loaded before the loader stored it, so that their text is recognised (run at start-up; a no-op once done). */
import { z } from "zod";
import { int } from "../neo4j/columns.js";
import { defineQuery, type QueryRunner } from "../neo4j/query-runner.js";
import { contentSha256 } from "./normalise.js";

const hashless = defineQuery<{ limit: number }>("sources/hashless", "READ").rows({
  id: z.string(),
  content: z.string(),
});
const setHash = defineQuery<{ rows: Array<{ id: string; sha: string }> }>("sources/set-hash", "WRITE").rows({
  updated: int(),
});

/** Sources per round trip: their texts travel to the app and back as hashes. */
const BATCH = 50;

/**
 * Hashes every Source without a hash; returns how many it updated.
 * @example await backfillSourceHashes(runner) // 1 on a database loaded by an older version, then 0
 */
export async function backfillSourceHashes(runner: QueryRunner): Promise<number> {
  let total = 0;
  for (;;) {
    const { rows: sources } = await runner.run(hashless, { limit: BATCH });
    if (sources.length === 0) return total;
    const rows = sources.map((source) => ({ id: source.id, sha: contentSha256(source.content) }));
    const result = await runner.run(setHash, { rows });
    const updated = result.rows[0]?.updated ?? 0;
    // A Source that vanished meanwhile is not found again; nothing updated means nothing left to do.
    if (updated === 0) return total;
    total += updated;
  }
}
