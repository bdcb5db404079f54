/** Typed calls to Liaison's API (common/api-types.ts); every failure becomes an ApiRequestError with the server's code. */
import type {
  ApiError,
  CypherRequest,
  CypherResponse,
  EvidenceResponse,
  HealthResponse,
  MeetingNetworkResponse,
  MeetingsResponse,
  NodeResponse,
  PathsResponse,
  ProvenanceResponse,
  SchemaResponse,
  SearchResponse,
  SubgraphResponse,
  TimelineResponse,
} from "../../common/api-types.js";
import { activity } from "../state/idle.js";

/** An API answer that was not 2xx, or no answer at all (`code: "NETWORK"`). */
export class ApiRequestError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = "ApiRequestError";
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

type Query = Record<string, string | number | undefined | null | string[]>;

/**
 * Builds `/api/path?query`, leaving out empty values and joining lists with commas.
 * @example apiUrl("/search", { q: "lavr", types: ["Actor"] }) === "/api/search?q=lavr&types=Actor"
 */
export function apiUrl(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    if (Array.isArray(value)) {
      if (value.length > 0) params.set(key, value.join(","));
    } else params.set(key, String(value));
  }
  const search = params.toString();
  return `/api${path}${search ? `?${search}` : ""}`;
}

export async function request<T>(url: string, init: RequestInit = {}): Promise<T> {
  // A request counts as work until its body is read, so that browser tests can wait for the app to settle.
  const end = activity.begin();
  try {
    return await send<T>(url, init);
  } finally {
    end();
  }
}

async function send<T>(url: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { accept: "application/json", ...(init.headers ?? {}) } });
  } catch (error) {
    if ((error as Error)?.name === "AbortError") throw error;
    throw new ApiRequestError(0, "NETWORK", "The Liaison server did not answer. Is it running?");
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const error = (body as ApiError | undefined)?.error;
    throw new ApiRequestError(
      response.status,
      error?.code ?? `HTTP_${response.status}`,
      error?.message ?? `The server answered ${response.status} ${response.statusText}.`,
      // Some endpoints answer an error status with their own body (GET /api/health's 503): kept as details.
      error ? error.details : body,
    );
  }
  return body as T;
}

const get = <T>(path: string, query?: Query, signal?: AbortSignal) =>
  request<T>(apiUrl(path, query), signal ? { signal } : {});

const id = (value: string) => encodeURIComponent(value);

/** GET /api/evidence takes at most this many ids (server/routes/api.ts). */
const EVIDENCE_IDS_PER_REQUEST = 100;

/** The API, one function per endpoint. */
export const api = {
  health: () => get<HealthResponse>("/health"),
  schema: () => get<SchemaResponse>("/schema"),
  search: (q: string, options: { types?: string[]; limit?: number; signal?: AbortSignal } = {}) =>
    get<SearchResponse>("/search", { q, types: options.types, limit: options.limit }, options.signal),
  node: (nodeId: string) => get<NodeResponse>(`/nodes/${id(nodeId)}`),
  neighbourhood: (
    nodeId: string,
    query: {
      depth?: number;
      types?: string[];
      rels?: string[];
      from?: string;
      to?: string;
      limit?: number;
      offset?: number;
    } = {},
  ) => get<SubgraphResponse>(`/nodes/${id(nodeId)}/neighbourhood`, query),
  provenance: (nodeId: string) => get<ProvenanceResponse>(`/nodes/${id(nodeId)}/provenance`),
  /** Passages with their paragraph and source, in the order asked: one request (one per 100 ids). */
  evidence: async (passageIds: readonly string[]): Promise<EvidenceResponse> => {
    const chunks: string[][] = [];
    for (let index = 0; index < passageIds.length; index += EVIDENCE_IDS_PER_REQUEST) {
      chunks.push(passageIds.slice(index, index + EVIDENCE_IDS_PER_REQUEST));
    }
    const answers = await Promise.all(chunks.map((ids) => get<EvidenceResponse>("/evidence", { ids })));
    return { evidence: answers.flatMap((answer) => answer.evidence) };
  },
  meetings: (query: { actor: string; with?: string; forum?: string; from?: string; to?: string }) =>
    get<MeetingsResponse>("/meetings", query),
  meetingNetwork: (query: { from?: string; to?: string; forum?: string } = {}) =>
    get<MeetingNetworkResponse>("/meetings/network", query),
  paths: (query: { from: string; to: string; maxHops?: number }) => get<PathsResponse>("/paths", query),
  timeline: (query: { from?: string; to?: string; types?: string[]; limit?: number } = {}) =>
    get<TimelineResponse>("/timeline", query),
  cypher: (body: CypherRequest, signal?: AbortSignal) =>
    request<CypherResponse>(apiUrl("/cypher"), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      ...(signal ? { signal } : {}),
    }),
};
