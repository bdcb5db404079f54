/** Who met whom: an actor's counterparts with their shared events, forums and aggregate claims, and the projected meeting network. */
import type { Node } from "neo4j-driver";
import type { AggregateClaim, MeetingEvent, MeetingNetworkResponse, MeetingsResponse } from "../../common/api-types.js";
import { BadRequestError } from "../lib/errors.js";
import { defineQuery, type QueryRunner } from "../neo4j/query-runner.js";
import { ElementCollector, toJson } from "../neo4j/to-elements.js";
import { dateValue, evidenceList } from "./evidence.js";
import { findNode } from "./nodes.js";

/** Event kinds that count as two actors meeting (a series counts: "met 18 times" is one). */
export const MEETING_KINDS = ["meeting", "meeting-series", "call", "state-visit", "summit", "parade"] as const;

interface Window {
  forum: string | null;
  from: string | null;
  to: string | null;
  kinds: readonly string[];
}
const counterparts = defineQuery<Window & { actor: string; with: string | null }>("meetings/counterparts", "READ");
const network = defineQuery<Window & { limit: number }>("meetings/network", "READ");

export interface MeetingsOptions {
  actor: string;
  with?: string | undefined;
  forum?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

const props = (node: Node) => node.properties as Record<string, unknown>;
const text = (value: unknown) => (typeof value === "string" ? value : null);
const numberOrNull = (value: unknown) => {
  const json = toJson(value);
  return typeof json === "number" ? json : json === null ? null : Number(json);
};

/** Checks that an id names a node of the expected type, else 404 (unknown) or 400 (another type), naming the parameter. */
async function expectNode(
  runner: QueryRunner,
  id: string,
  type: string,
  parameter: string,
  where: string,
  signal?: AbortSignal,
) {
  const found = await findNode(runner, id, where, signal);
  if (!found.node.labels.includes(type)) {
    throw new BadRequestError(`${where}: ${parameter} "${id}" is not ${type === "Actor" ? "an" : "a"} ${type}.`, [
      { parameter, in: "query", message: `must be the id of ${type === "Actor" ? "an" : "a"} ${type}` },
    ]);
  }
  return found;
}

/**
 * GET /api/meetings: for an actor, the counterparts they met, each with the events, forums and aggregate claims.
 * @example await meetings(runner, { actor: "actor:wang-yi", with: "actor:sergey-lavrov" })
 */
export async function meetings(
  runner: QueryRunner,
  options: MeetingsOptions,
  signal?: AbortSignal,
): Promise<MeetingsResponse> {
  const where = "GET /api/meetings";
  const actor = await expectNode(runner, options.actor, "Actor", "actor", where, signal);
  await Promise.all([
    options.with ? expectNode(runner, options.with, "Actor", "with", where, signal) : undefined,
    options.forum ? expectNode(runner, options.forum, "Forum", "forum", where, signal) : undefined,
  ]);
  const { records } = await runner.run(
    counterparts,
    {
      actor: options.actor,
      with: options.with ?? null,
      forum: options.forum ?? null,
      from: options.from ?? null,
      to: options.to ?? null,
      kinds: MEETING_KINDS,
    },
    { signal },
  );
  return {
    actor: { id: options.actor, name: String(props(actor.node).name ?? options.actor) },
    counterparts: records.map((record) => {
      const counterpart = props(record.get("counterpart") as Node);
      const events: MeetingEvent[] = (
        record.get("events") as { event: Node; forums: { id: string; name: string }[]; evidence: unknown }[]
      ).map(({ event, forums, evidence }) => ({
        id: String(props(event).id),
        name: String(props(event).name ?? props(event).id),
        kind: String(props(event).kind ?? ""),
        date: dateValue(props(event), "date"),
        place: text(props(event).place),
        forums: forums.map((forum) => ({ id: forum.id, name: forum.name })),
        evidence: evidenceList(evidence),
      }));
      const aggregates: AggregateClaim[] = (record.get("aggregates") as { claim: Node; evidence: unknown }[]).map(
        ({ claim, evidence }) => ({
          id: String(props(claim).id),
          text: String(props(claim).text ?? ""),
          value: numberOrNull(props(claim).value),
          unit: text(props(claim).unit),
          qualifier: text(props(claim).qualifier),
          period: dateValue(props(claim), "period"),
          evidence: evidenceList(evidence),
        }),
      );
      const forums = new Map<string, { id: string; name: string }>();
      for (const event of events) for (const forum of event.forums) forums.set(forum.id, forum);
      return {
        actor: {
          id: String(counterpart.id),
          name: String(counterpart.name ?? counterpart.id),
          kind: String(counterpart.kind ?? ""),
        },
        events,
        aggregates,
        forums: [...forums.values()].sort((a, b) => a.name.localeCompare(b.name)),
      };
    }),
  };
}

export interface NetworkOptions {
  forum?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
}

/**
 * GET /api/meetings/network: actors joined by a `MET` edge for each pair that took part in the
 * same meeting-like event, weighted by how many; each edge lists its events (their ids lead to
 * their provenance).
 */
export async function meetingNetwork(
  runner: QueryRunner,
  options: NetworkOptions,
  signal?: AbortSignal,
): Promise<MeetingNetworkResponse> {
  if (options.forum) await expectNode(runner, options.forum, "Forum", "forum", "GET /api/meetings/network", signal);
  const { records } = await runner.run(
    network,
    {
      forum: options.forum ?? null,
      from: options.from ?? null,
      to: options.to ?? null,
      kinds: MEETING_KINDS,
      limit: options.limit + 1,
    },
    { signal },
  );
  const collector = new ElementCollector();
  const edges = records.slice(0, options.limit).map((record) => {
    const a = collector.addNode(record.get("a") as Node);
    const b = collector.addNode(record.get("b") as Node);
    const events = record.get("events") as string[];
    const reported = (record.get("reported") as { claim: string; value: unknown; qualifier: string | null }[]).map(
      (claim) => ({ claim: claim.claim, value: Number(claim.value), qualifier: claim.qualifier }),
    );
    return {
      data: {
        id: `${a.id}|MET|${b.id}`,
        source: a.id,
        target: b.id,
        type: "MET",
        label: `met (${events.length})`,
        weight: events.length,
        events,
        // How often the sources say the pair met ("met 18 times"), which a single series event hides.
        reported,
        ...(reported[0] ? { reportedCount: reported[0].value } : {}),
      },
    };
  });
  return { elements: { nodes: collector.elements().nodes, edges }, truncated: records.length > options.limit };
}
