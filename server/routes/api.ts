/** The graph API's endpoints under /api: each declares its request schemas (which validate and document it) and calls one use case. */
import { Router } from "express";
import { z } from "zod";
import { NODE_TYPES, REL_TYPES } from "../../common/api-types.js";
import {
  CypherResponse,
  EvidenceResponse,
  MeetingNetworkResponse,
  MeetingsResponse,
  NodeResponse,
  PathsResponse,
  ProvenanceResponse,
  SchemaResponse,
  SearchResponse,
  SubgraphResponse,
  TimelineResponse,
} from "../../common/contract/responses.js";
import type { AppDeps } from "../app.js";
import { exposure } from "../config.js";
import { runConsole } from "../console/console.js";
import { CONTEXT_ROOM, evidence } from "../domain/evidence.js";
import { graphSchema } from "../domain/graph-schema.js";
import { meetingNetwork, OVERVIEW_DEFAULTS } from "../domain/meeting-network.js";
import { meetings } from "../domain/meetings.js";
import { POOL_ACTORS } from "../domain/met-projection.js";
import { getNode, neighbourhood, provenance } from "../domain/nodes.js";
import { paths } from "../domain/paths.js";
import { search } from "../domain/search.js";
import { TIMELINE_TYPES, timeline } from "../domain/timeline.js";
import { consoleAdmission } from "../http/console-admission.js";
import { type Endpoint, endpoint, mountEndpoints } from "../http/endpoint.js";
import { openApiDocument } from "../http/openapi.js";
import { boundedInt, checkWindow, dateParam, idList, list, nodeId } from "../http/params.js";
import { ForbiddenError } from "../lib/errors.js";
import { reviewEndpoints } from "./review.js";
import { sourceEndpoints } from "./sources.js";

const idParams = z.strictObject({ id: nodeId });
const window = { from: dateParam("start"), to: dateParam("end") };
/** Passages one GET /api/evidence may ask for: an edge or a claim lists a handful; the URL stays short. */
const MAX_EVIDENCE_IDS = 100;

/** Every endpoint of the graph API, in the order the OpenAPI document lists them. */
export function apiEndpoints(deps: AppDeps): Endpoint[] {
  const { runner, consoleRunner, config, logger } = deps;
  return [
    endpoint({
      method: "get",
      path: "/search",
      summary: "Full-text search over names, aliases, claim text, passage text and source titles",
      description:
        "Tolerates case, diacritics and partial words. Hits are ranked; each snippet is plain text (not HTML) with the ranges of the matched words.",
      query: z.strictObject({
        q: z.string().trim().min(1, "must not be empty").max(200),
        types: list(NODE_TYPES),
        limit: boundedInt(1, 100, 20),
      }),
      response: SearchResponse,
      handle: ({ query }, { signal }) => search(runner, query, signal),
    }),
    endpoint({
      method: "get",
      path: "/nodes/:id",
      summary: "One node with all its properties",
      params: idParams,
      response: NodeResponse,
      handle: ({ params }, { signal }) => getNode(runner, params.id, signal),
    }),
    endpoint({
      method: "get",
      path: "/nodes/:id/neighbourhood",
      summary: "The k-hop subgraph around a node, nearest first, bounded",
      description:
        "Past `limit` nodes the nearest part is returned with `truncated: true`; every node carries `hiddenNeighbours`, how many of its neighbours (under the same filters) were left out. At depth 1, `offset` skips that many neighbours in the same order, so that `nextOffset` pages through all of them.",
      params: idParams,
      query: z
        .strictObject({
          depth: boundedInt(1, 3, 1),
          types: list(NODE_TYPES),
          rels: list(REL_TYPES),
          ...window,
          limit: boundedInt(1, 500, 100),
          offset: boundedInt(0, 10_000_000, 0),
        })
        .superRefine(checkWindow),
      response: SubgraphResponse,
      handle: ({ params, query }, { signal }) => neighbourhood(runner, params.id, query, signal),
    }),
    endpoint({
      method: "get",
      path: "/nodes/:id/provenance",
      summary: "Every passage that evidences a node, its source and author, and a statement's speakers",
      params: idParams,
      response: ProvenanceResponse,
      handle: ({ params }, { signal }) => provenance(runner, params.id, signal),
    }),
    endpoint({
      method: "get",
      path: "/evidence",
      summary: "Passages by id, each in its paragraph with its source's metadata, in one request",
      description: `Each passage comes with its text, offsets, the paragraph around it (at most ${CONTEXT_ROOM} characters on each side, cut at a word, never the whole source) with the passage's range highlighted, and its source's id, title, author (name and id), publisher, date and url. \`ids\`: at most ${MAX_EVIDENCE_IDS}; an id that is no passage answers 404 naming it.`,
      query: z.strictObject({ ids: idList(MAX_EVIDENCE_IDS) }),
      response: EvidenceResponse,
      handle: ({ query }, { signal }) => evidence(runner, query, signal),
    }),
    endpoint({
      method: "get",
      path: "/meetings",
      summary: "Who an actor met: counterparts, shared meeting-like events, forums and aggregate claims with evidence",
      description:
        "One page of counterparts (`limit`, `offset`; `total` and `nextOffset` say what is left), the most met first; each lists its latest events and `eventCount`. With `with`, that one counterpart's events are paged by `eventsLimit` and `eventsOffset`.",
      query: z
        .strictObject({
          actor: nodeId,
          with: nodeId.optional(),
          forum: nodeId.optional(),
          ...window,
          limit: boundedInt(1, 200, 50),
          offset: boundedInt(0, 10_000_000, 0),
          eventsLimit: boundedInt(1, 500, 100),
          eventsOffset: boundedInt(0, 10_000_000, 0),
        })
        .superRefine(checkWindow),
      response: MeetingsResponse,
      handle: ({ query }, { signal }) => meetings(runner, query, signal),
    }),
    endpoint({
      method: "get",
      path: "/meetings/network",
      summary:
        "The who-met-whom overview: a backbone of the strongest ties, edges weighted by shared meeting-like events",
      description:
        "When every pair fits within `limit` lines and `actors` actors, all are drawn; otherwise the `actors` most active actors, each with its `ties` strongest ties among them (at most 2 × `ties` lines per actor). `selection` says which.",
      query: z
        .strictObject({
          forum: nodeId.optional(),
          ...window,
          limit: boundedInt(1, 2000, OVERVIEW_DEFAULTS.limit),
          actors: boundedInt(2, POOL_ACTORS, OVERVIEW_DEFAULTS.actors),
          ties: boundedInt(1, 12, OVERVIEW_DEFAULTS.ties),
        })
        .superRefine(checkWindow),
      response: MeetingNetworkResponse,
      handle: ({ query }, { signal }) => meetingNetwork(runner, query, signal),
    }),
    endpoint({
      method: "get",
      path: "/paths",
      summary: "Shortest paths between two nodes (at most 6 hops), each hop with its evidence",
      description:
        "Paths never run through a Source or Passage (every fact shares the article); evidence is attached to each hop instead.",
      query: z.strictObject({
        from: nodeId,
        to: nodeId,
        maxHops: boundedInt(1, 6, 6),
        maxPaths: boundedInt(1, 25, 5),
      }),
      response: PathsResponse,
      handle: ({ query }, { signal }) => paths(runner, query, signal),
    }),
    endpoint({
      method: "get",
      path: "/timeline",
      summary: "Dated events and claims in date order, with date precision, a page at a time",
      description: "`next` is the `cursor` of the following page (null on the last).",
      query: z
        .strictObject({
          ...window,
          types: list(TIMELINE_TYPES),
          limit: boundedInt(1, 5000, 1000),
          cursor: z.string().min(1).max(2000).optional(),
        })
        .superRefine(checkWindow),
      response: TimelineResponse,
      handle: ({ query }, { signal }) => timeline(runner, query, signal),
    }),
    endpoint({
      method: "get",
      path: "/schema",
      summary: "Labels, relationship types and property keys with counts, and the span of dates",
      response: SchemaResponse,
      handle: (_input, { signal }) => graphSchema(runner, signal),
    }),
    endpoint({
      method: "post",
      path: "/cypher",
      summary: "The read-only Cypher console",
      description:
        "The query is planned first (EXPLAIN): only a single read statement without LOAD CSV and with allowlisted procedures runs, in a read transaction with the app's timeout, row limit and byte limit. Writes get 403 READ_ONLY; syntax errors 400 with Neo4j's message and position.",
      body: z.strictObject({
        query: z.string().trim().min(1, "must not be empty").max(config.LIAISON_CONSOLE_MAX_QUERY_LENGTH),
        params: z.record(z.string().min(1), z.json()).default({}),
      }),
      response: CypherResponse,
      handle: ({ body }, { signal, req }) =>
        runConsole({ runner: consoleRunner ?? runner, config, logger, client: req.ip }, body, signal, req.log),
    }),
    ...sourceEndpoints(deps),
    ...reviewEndpoints(deps),
  ];
}

/** The router of the graph API, with GET /openapi.json describing it. */
export function apiRoutes(deps: AppDeps): Router {
  const router = Router();
  const { console: consoleOn } = exposure(deps.config);
  // Admission before the body is validated: a refused client costs nothing further.
  router.post(
    "/cypher",
    (req, _res, next) =>
      next(
        consoleOn
          ? undefined
          : new ForbiddenError(
              "CONSOLE_DISABLED",
              `${req.method} /api${req.path}: the Cypher console is turned off on this server (LIAISON_CONSOLE).`,
            ),
      ),
    consoleAdmission({
      perClient: deps.config.LIAISON_CONSOLE_PER_CLIENT,
      total: deps.config.LIAISON_CONSOLE_POOL_SIZE,
    }),
  );
  const endpoints = apiEndpoints(deps);
  const document = openApiDocument(endpoints);
  router.get("/openapi.json", (_req, res) => {
    res.json(document);
  });
  mountEndpoints(router, endpoints);
  return router;
}
