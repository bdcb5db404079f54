/** Runs recorded work straight through neo4j-driver: a session and a read transaction per query, as the app's runner does, with nothing around it. */
import type { Driver } from "neo4j-driver";
import { cypher } from "../server/neo4j/cypher-files.js";
import type { RecordedCall, RecordedWork } from "./recording-runner.js";

async function runCall(driver: Driver, call: RecordedCall): Promise<unknown[]> {
  const session = driver.session({ defaultAccessMode: call.routing });
  try {
    const text = cypher(call.name);
    const result =
      call.routing === "READ"
        ? await session.executeRead((tx) => tx.run(text, call.params))
        : await session.executeWrite((tx) => tx.run(text, call.params));
    return result.records;
  } finally {
    await session.close();
  }
}

/**
 * Runs the groups one after the other, the calls of a group together (as the domain did);
 * resolves with the records of every call, in order.
 */
export async function replay(driver: Driver, work: RecordedWork): Promise<unknown[][]> {
  const out: unknown[][] = [];
  for (const group of work) out.push(...(await Promise.all(group.map((call) => runCall(driver, call)))));
  return out;
}
