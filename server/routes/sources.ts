/** The source-draft endpoints (/api/sources/drafts): bring a source in and store it as a draft, read, list, delete; writes guarded and audited. */
import express, { type RequestHandler, Router } from "express";
import multer from "multer";
import { z } from "zod";
import { DraftDeletedResponse, DraftListResponse, DraftResponse } from "../../common/contract/drafts.js";
import type { AppDeps } from "../app.js";
import { exposure } from "../config.js";
import { createDraft, deleteDraft, getDraft, listDrafts, updateDraftMetadata } from "../drafts/drafts.js";
import { audited } from "../http/audited.js";
import { type Endpoint, endpoint } from "../http/endpoint.js";
import { boundedInt } from "../http/params.js";
import { admittedEditor, writeGuard } from "../http/write-guard.js";
import { BadRequestError, LiaisonError, SourceError } from "../lib/errors.js";
import { addressPolicy } from "../sources/address-policy.js";
import { type IntakeOptions, intake, type SourceInput } from "../sources/intake.js";
import { isoDate } from "../sources/iso-date.js";

export const draftId = z
  .string()
  .regex(
    /^draft:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    'must be a draft id such as "draft:1b4e28ba-2fa1-11d2-883f-0016d3cca427"',
  );
const metadataField = z.string().trim().min(1).max(1000).optional();
const publishedAt = z
  .string()
  .trim()
  .max(40)
  .refine((value) => isoDate(value) !== undefined, "must be a date such as 2024-11-18");
const sourceUrl = z.url({ protocol: /^https?$/ }).max(2000);

/** The form field of an uploaded file. */
const UPLOAD_FIELD = "file";

/** What the intake may do on this server. */
function intakeOptions(deps: AppDeps): IntakeOptions {
  return {
    maxBytes: deps.config.LIAISON_SOURCE_MAX_BYTES,
    fetch: {
      enabled: exposure(deps.config).sourceFetch,
      policy: addressPolicy(deps.config.LIAISON_SOURCE_FETCH_ALLOW_PRIVATE),
      timeoutMs: deps.config.LIAISON_SOURCE_FETCH_TIMEOUT_MS,
    },
  };
}

/** Every endpoint under /api/sources, for the API router and its OpenAPI document. */
export function sourceEndpoints(deps: AppDeps): Endpoint[] {
  const options = intakeOptions(deps);
  return [
    endpoint({
      method: "post",
      path: "/sources/drafts",
      summary: "Bring a source in (pasted text, an uploaded .txt/.html/.pdf, or a URL) and store it as a draft",
      description:
        "JSON `{ text }` or `{ url }`, or a multipart form with the file in `file`; `title`, `author`, `publisher`, `publishedAt` and `sourceUrl` override what the document says. Editors only: the request must carry `X-Liaison-Write: 1` and come from this app or a script (see docs/security.md). The text is normalised, split into paragraphs and sentences, and stored in Neo4j under the `Draft` label; `knownSources` lists sources of the graph with the same text. Proposals come from the server's extractor; without one, `extraction` is null. Bad input: 400 `SOURCE_EMPTY`, 413 `SOURCE_TOO_LARGE`, 415 `SOURCE_BINARY` / `SOURCE_UNSUPPORTED_TYPE`, 422 `PDF_NO_TEXT` / `HTML_NO_ARTICLE` / `SOURCE_FETCH_FAILED` / `SOURCE_FETCH_TIMEOUT`, 403 `SOURCE_FETCH_DISABLED` / `SOURCE_FETCH_BLOCKED`; nothing is written.",
      body: z.strictObject({
        text: z.string().optional().describe("The source's text, pasted"),
        url: z.string().trim().min(1).max(2000).optional().describe("A URL to fetch the source from"),
        title: metadataField,
        author: metadataField,
        publisher: metadataField,
        publishedAt: z
          .string()
          .trim()
          .max(40)
          .refine((value) => isoDate(value) !== undefined, "must be a date such as 2024-11-18")
          .optional(),
        sourceUrl: z
          .url({ protocol: /^https?$/ })
          .max(2000)
          .optional()
          .describe("Where the source is published"),
      }),
      upload: UPLOAD_FIELD,
      response: DraftResponse,
      handle: ({ body }, { signal, req, res }) =>
        audited(deps.logger, { req, res }, "draft.create", async () => {
          const file = (req as express.Request & { file?: Express.Multer.File }).file;
          const given = [body.text !== undefined, body.url !== undefined, file !== undefined].filter(Boolean).length;
          if (given !== 1) {
            throw new BadRequestError(
              `POST /api/sources/drafts: give exactly one source: \`text\`, \`url\` or a file in \`${UPLOAD_FIELD}\` (got ${given}).`,
              [{ parameter: "text", in: "body", message: "exactly one of text, url, file" }],
            );
          }
          const source: SourceInput = file
            ? { kind: "file", name: file.originalname, bytes: file.buffer, mediaType: file.mimetype }
            : body.url !== undefined
              ? { kind: "url", url: body.url }
              : { kind: "text", text: body.text ?? "" };
          const document = await intake(source, options);
          return createDraft(
            deps.runner,
            {
              document,
              overrides: {
                title: body.title,
                author: body.author,
                publisher: body.publisher,
                publishedAt: body.publishedAt && isoDate(body.publishedAt),
                url: body.sourceUrl,
              },
              editor: admittedEditor(res),
              extractor: deps.extractor,
              maxExtractBytes: deps.config.LIAISON_EXTRACT_MAX_BYTES,
            },
            signal,
          );
        }),
    }),
    endpoint({
      method: "get",
      path: "/sources/drafts",
      summary: "Drafts of sources, the newest first, a page at a time (without their text)",
      query: z.strictObject({ limit: boundedInt(1, 100, 20), offset: boundedInt(0, 10_000_000, 0) }),
      response: DraftListResponse,
      handle: ({ query }, { signal }) => listDrafts(deps.runner, query, signal),
    }),
    endpoint({
      method: "get",
      path: "/sources/drafts/:id",
      summary: "One draft: its text, metadata, paragraphs and sentences (offsets), and its extraction",
      params: z.strictObject({ id: draftId }),
      response: DraftResponse,
      handle: ({ params }, { signal }) => getDraft(deps.runner, params.id, signal),
    }),
    endpoint({
      method: "patch",
      path: "/sources/drafts/:id",
      summary: "Edit a draft's metadata: title, author, publisher, publishedAt, url (null clears one); editors only",
      params: z.strictObject({ id: draftId }),
      body: z
        .strictObject({
          title: metadataField.nullable(),
          author: metadataField.nullable(),
          publisher: metadataField.nullable(),
          publishedAt: publishedAt.nullable().optional(),
          url: sourceUrl.nullable().optional(),
        })
        .refine((edit) => Object.keys(edit).length > 0, "must change at least one field"),
      response: DraftResponse,
      handle: ({ params, body }, { signal, req, res }) =>
        audited(
          deps.logger,
          { req, res },
          "draft.update",
          () =>
            updateDraftMetadata(
              deps.runner,
              params.id,
              { ...body, ...(body.publishedAt ? { publishedAt: isoDate(body.publishedAt) } : {}) },
              signal,
            ),
          params.id,
        ),
    }),
    endpoint({
      method: "delete",
      path: "/sources/drafts/:id",
      summary: "Delete a draft (editors only, like every write)",
      params: z.strictObject({ id: draftId }),
      response: DraftDeletedResponse,
      handle: ({ params }, { signal, req, res }) =>
        audited(
          deps.logger,
          { req, res },
          "draft.delete",
          async () => {
            await deleteDraft(deps.runner, params.id, signal);
            return { id: params.id, deleted: true as const };
          },
          params.id,
        ),
    }),
  ];
}

/** Maps a body parser's failure on a draft to the intake's codes: too large is SOURCE_TOO_LARGE. */
function bodyError(error: unknown, maxBytes: number): unknown {
  const input = error instanceof multer.MulterError && error.code === "LIMIT_FILE_SIZE" ? "file" : "text";
  const tooLarge =
    (error instanceof multer.MulterError && (error.code === "LIMIT_FILE_SIZE" || error.code === "LIMIT_FIELD_VALUE")) ||
    (error as { type?: string } | undefined)?.type === "entity.too.large";
  if (tooLarge) {
    return new SourceError(
      413,
      "SOURCE_TOO_LARGE",
      `The ${input} is larger than ${maxBytes} bytes (LIAISON_SOURCE_MAX_BYTES).`,
      {
        input,
        maxBytes,
      },
    );
  }
  if (error instanceof multer.MulterError) {
    return new BadRequestError(`POST /api/sources/drafts: the form is not one this endpoint takes (${error.code}).`, [
      { parameter: error.field ?? UPLOAD_FIELD, in: "body", message: error.message },
    ]);
  }
  if (error instanceof Error && !(error instanceof LiaisonError) && !("type" in error)) {
    // busboy's own errors: a truncated or malformed multipart body.
    return new BadRequestError(`POST /api/sources/drafts: the form could not be read (${error.message}).`, [
      { parameter: "body", in: "body", message: error.message },
    ]);
  }
  return error;
}

/**
 * What runs before the body of a draft request is read: the write guard (so a refused request
 * costs nothing), then a JSON parser allowing a source's size, or the multipart parser for an upload.
 * Mounted by createApp at /api/sources/drafts ahead of the app's small JSON parser.
 */
export function draftGate(deps: AppDeps): Router {
  const maxBytes = deps.config.LIAISON_SOURCE_MAX_BYTES;
  const guard = writeGuard(exposure(deps.config));
  // JSON escapes may double a text's bytes; the intake then checks the text's own size.
  const json = express.json({ limit: maxBytes * 2 + 65_536 });
  const upload = multer({
    storage: multer.memoryStorage(),
    // A pasted text may come as a form field too: it is bounded like a file.
    limits: { fileSize: maxBytes, files: 1, fields: 10, fieldSize: maxBytes, parts: 12, headerPairs: 100 },
  }).single(UPLOAD_FIELD);
  const parse: RequestHandler = (req, res, next) => {
    const parser = req.is("multipart/form-data") ? upload : json;
    parser(req, res, (error?: unknown) => next(error ? bodyError(error, maxBytes) : undefined));
  };
  const router = Router();
  router.post("/", guard, parse);
  router.patch("/:id", guard, express.json({ limit: "16kb" }));
  router.delete("/:id", guard);
  return router;
}
