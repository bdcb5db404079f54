/** Audit lines: one structured log line for every console query, every write and every refused request, never parameter values or secrets. */
import { createHash } from "node:crypto";
import type { Logger } from "./logger.js";

/** What an audit line says; `verdict` is "ok", a refusal code (READ_ONLY, RATE_LIMITED…) or an error code. */
export interface AuditEvent {
  kind: "console" | "refused" | "write";
  /** The client's address (the socket's; proxies are not trusted). */
  client: string;
  /** `METHOD /path`, without the query string. */
  route: string;
  verdict: string;
  /** Console only: sha256 of the query text (first 16 hex digits), its length, and the text cut to 500 characters. */
  queryHash?: string;
  queryLength?: number;
  query?: string;
  /** Names of the parameters sent, never their values. */
  paramNames?: string[];
  queryType?: string;
  rows?: number;
  ms?: number;
  /** Why a request was refused, for people. */
  reason?: string;
  /** Write only: who wrote ("local" or "editor-token"), what ("draft.create", "draft.delete"), when (ISO 8601), on which draft. */
  editor?: string;
  action?: string;
  at?: string;
  draftId?: string;
}

/** The first 16 hex digits of the text's sha256: enough to group repeated queries in logs. */
export function textHash(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}

/**
 * Writes one audit line at info level under the `audit` key.
 * @example audit(logger, { kind: "refused", client: "127.0.0.1", route: "GET /api/search", verdict: "UNAUTHORIZED" })
 */
export function audit(logger: Logger, event: AuditEvent): void {
  logger.info({ audit: event }, `audit ${event.kind} ${event.route} ${event.verdict}`);
}
