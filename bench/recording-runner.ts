/** A QueryRunner that notes which named queries a request ran and with which parameters, so the benchmark can run exactly that work straight through neo4j-driver. */
import type { Query, QueryResult, RunOptions } from "../server/neo4j/query-runner.js";
import { QueryRunner } from "../server/neo4j/query-runner.js";

/** One query the app ran: its `cypher/` name, routing and the parameters it passed. */
export interface RecordedCall {
  name: string;
  routing: "READ" | "WRITE";
  params: Record<string, unknown>;
}

/**
 * The calls of one request, in groups: the calls of a group were in flight together (the domain
 * ran them with Promise.all), the groups one after the other. Replaying keeps that shape, so the
 * driver's figure is the same work done the same way.
 */
export type RecordedWork = RecordedCall[][];

export class RecordingRunner extends QueryRunner {
  #recording: RecordedWork | undefined;
  #inFlight = 0;

  /** Starts noting calls; `stop()` returns them. One request at a time must be recorded. */
  record(): void {
    this.#recording = [];
  }

  stop(): RecordedWork {
    const work = this.#recording ?? [];
    this.#recording = undefined;
    return work;
  }

  override async run<Params extends object, Row>(
    query: Query<Params, Row>,
    params: Params,
    options: RunOptions = {},
  ): Promise<QueryResult<Row>> {
    if (this.#recording) {
      const call = { name: query.name, routing: query.routing, params: { ...(params as Record<string, unknown>) } };
      const last = this.#recording.at(-1);
      if (this.#inFlight > 0 && last) last.push(call);
      else this.#recording.push([call]);
    }
    this.#inFlight++;
    try {
      return await super.run(query, params, options);
    } finally {
      this.#inFlight--;
    }
  }
}
