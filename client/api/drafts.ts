/** Typed calls to the source-draft and review endpoints (/api/sources/drafts/…); every write carries X-Liaison-Write. */
import type {
  CommitResponse,
  DecisionInput,
  DraftListResponse,
  DraftResponse,
  PreviewResponse,
  ReviewResponse,
  SelectionInput,
} from "../../common/api-types.js";
import { apiUrl, request } from "./client.js";

/** Metadata a person may give with a source; it overrides what the document says. */
export interface SourceMetadata {
  title?: string;
  author?: string;
  publisher?: string;
  /** A date such as 2025-05-09. */
  publishedAt?: string;
  /** Where the source is published. */
  sourceUrl?: string;
}

/** A source to bring in: pasted text, a URL, or a file (.txt, .html, .pdf). */
export type SourceInput = { text: string } | { url: string } | { file: File };

// The server's write guard asks for this header: a plain form on another site cannot send it (docs/security.md).
const WRITE = { "x-liaison-write": "1" };

const json = (method: string, body?: unknown): RequestInit => ({
  method,
  headers: { ...WRITE, ...(body === undefined ? {} : { "content-type": "application/json" }) },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});

const draftPath = (draftId: string, rest = "") => `/sources/drafts/${encodeURIComponent(draftId)}${rest}`;

/** Empty metadata fields are left out, so the document's own values stand. */
function given(metadata: SourceMetadata): SourceMetadata {
  return Object.fromEntries(Object.entries(metadata).filter(([, value]) => typeof value === "string" && value.trim()));
}

/** The draft endpoints, one function each. */
export const draftsApi = {
  create(source: SourceInput, metadata: SourceMetadata = {}): Promise<DraftResponse> {
    if ("file" in source) {
      const form = new FormData();
      for (const [key, value] of Object.entries(given(metadata))) form.set(key, String(value));
      form.set("file", source.file, source.file.name);
      return request<DraftResponse>(apiUrl("/sources/drafts"), { method: "POST", headers: WRITE, body: form });
    }
    return request<DraftResponse>(apiUrl("/sources/drafts"), json("POST", { ...source, ...given(metadata) }));
  },
  list: (query: { limit?: number; offset?: number } = {}) =>
    request<DraftListResponse>(apiUrl("/sources/drafts", query)),
  get: (draftId: string) => request<DraftResponse>(apiUrl(draftPath(draftId))),
  remove: (draftId: string) => request<{ id: string; deleted: true }>(apiUrl(draftPath(draftId)), json("DELETE")),
  review: (draftId: string) => request<ReviewResponse>(apiUrl(draftPath(draftId, "/review"))),
  decide: (draftId: string, decisions: DecisionInput[]) =>
    request<ReviewResponse>(apiUrl(draftPath(draftId, "/decisions")), json("POST", { decisions })),
  undo: (draftId: string, decisionId: string) =>
    request<ReviewResponse>(
      apiUrl(draftPath(draftId, `/decisions/${encodeURIComponent(decisionId)}/undo`)),
      json("POST", {}),
    ),
  select: (draftId: string, selection: SelectionInput) =>
    request<ReviewResponse>(apiUrl(draftPath(draftId, "/selections")), json("POST", selection)),
  unselect: (draftId: string, selectionId: string) =>
    request<ReviewResponse>(
      apiUrl(draftPath(draftId, `/selections/${encodeURIComponent(selectionId)}`)),
      json("DELETE"),
    ),
  preview: (draftId: string) => request<PreviewResponse>(apiUrl(draftPath(draftId, "/preview"))),
  commit: (draftId: string) => request<CommitResponse>(apiUrl(draftPath(draftId, "/commit")), json("POST", {})),
  /** The dataset's files as a zip, for a link's href. */
  datasetUrl: (draftId: string) => apiUrl(draftPath(draftId, "/dataset.zip")),
};
