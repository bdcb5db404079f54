/** Audited writes: every write route runs its work through `audited`, which leaves one audit line (who, what, when, which draft, how it ended). */
import type { Request, Response } from "express";
import { audit } from "../lib/audit.js";
import { LiaisonError } from "../lib/errors.js";
import type { Logger } from "../lib/logger.js";
import { admittedEditor } from "./write-guard.js";

/**
 * Runs a write and leaves one audit line for it. The draft is `draftId`, or the result's `id`
 * (a draft just made) or `draftId` (a review's answer).
 * @example await audited(logger, { req, res }, "draft.delete", () => deleteDraft(runner, id), id)
 */
export async function audited<T extends { id: string } | { draftId: string }>(
  logger: Logger,
  context: { req: Request; res: Response },
  action: string,
  work: () => Promise<T>,
  draftId?: string,
): Promise<T> {
  const line = {
    kind: "write" as const,
    client: context.req.ip ?? "unknown",
    route: `${context.req.method} ${context.req.originalUrl.split("?")[0]}`,
    editor: admittedEditor(context.res),
    action,
    at: new Date().toISOString(),
  };
  try {
    const result = await work();
    audit(logger, { ...line, verdict: "ok", draftId: draftId ?? ("id" in result ? result.id : result.draftId) });
    return result;
  } catch (error) {
    audit(logger, {
      ...line,
      verdict: error instanceof LiaisonError ? error.code : "INTERNAL",
      ...(draftId ? { draftId } : {}),
    });
    throw error;
  }
}
