/** Shared by the api-review*.test.ts files: review requests as the local editor sends them, and counts of the review's nodes in Neo4j. */
import type { Driver } from "neo4j-driver";
import type { DraftResponse } from "../../common/api-types.js";
import type { Decision, DecisionInput, ReviewResponse, SelectionInput } from "../../common/contract/review.js";
import { readRows } from "../support/neo4j.js";
import { postDraft } from "./sources-helpers.js";

/** The header every write carries (server/http/write-guard.ts). */
export const WRITE = { "x-liaison-write": "1" };

export interface Answer<T> {
  status: number;
  body: T & { error?: { code: string; message: string; details?: unknown } };
}

async function send<T>(
  baseUrl: string,
  method: "GET" | "POST" | "DELETE",
  path: string,
  body?: unknown,
  headers: Record<string, string> = WRITE,
): Promise<Answer<T>> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(method === "GET" ? {} : headers),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : {} };
}

const draftPath = (draftId: string) => `/api/sources/drafts/${encodeURIComponent(draftId)}`;

/** A review client on one app: each call answers the status and parsed body. */
export function reviewClient(baseUrl: string) {
  return {
    createDraft: async (text: string) => {
      const created = await postDraft(baseUrl, { text });
      if (created.status !== 200) throw new Error(`draft not created: ${JSON.stringify(created.body)}`);
      return created.body as unknown as DraftResponse;
    },
    review: (draftId: string) => send<ReviewResponse>(baseUrl, "GET", `${draftPath(draftId)}/review`),
    decide: (draftId: string, decisions: DecisionInput[] | unknown[], headers?: Record<string, string>) =>
      send<ReviewResponse>(baseUrl, "POST", `${draftPath(draftId)}/decisions`, { decisions }, headers),
    undo: (draftId: string, decisionId: string) =>
      send<ReviewResponse>(baseUrl, "POST", `${draftPath(draftId)}/decisions/${encodeURIComponent(decisionId)}/undo`),
    history: (draftId: string, query = "") =>
      send<{ decisions: Decision[]; total: number; nextOffset: number | null }>(
        baseUrl,
        "GET",
        `${draftPath(draftId)}/decisions${query}`,
      ),
    select: (draftId: string, selection: SelectionInput | Record<string, unknown>) =>
      send<ReviewResponse>(baseUrl, "POST", `${draftPath(draftId)}/selections`, selection),
    unselect: (draftId: string, selectionId: string) =>
      send<ReviewResponse>(baseUrl, "DELETE", `${draftPath(draftId)}/selections/${encodeURIComponent(selectionId)}`),
    deleteDraft: (draftId: string) => send<unknown>(baseUrl, "DELETE", draftPath(draftId)),
  };
}

/** How many ReviewDecision and Selection nodes a draft has in Neo4j (by the id they record). */
export async function reviewNodes(driver: Driver, draftId: string): Promise<{ decisions: number; selections: number }> {
  const [row] = await readRows(
    driver,
    `RETURN COUNT { MATCH (x:ReviewDecision {draftId: $id}) } AS decisions,
            COUNT { MATCH (s:Selection {draftId: $id}) } AS selections`,
    { id: draftId },
  );
  return { decisions: Number(row?.decisions), selections: Number(row?.selections) };
}
