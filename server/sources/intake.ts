/** Brings a source in: pasted text, an uploaded file (.txt, .html, .pdf) or a URL → normalised text, metadata and hash, or an error naming the input. */
import path from "node:path";
import { SourceError } from "../lib/errors.js";
import type { AddressPolicy } from "./address-policy.js";
import { assertTextual, decodeText } from "./decode-text.js";
import { fetchSource } from "./fetch-url.js";
import { fromHtml } from "./html.js";
import { contentSha256, normaliseText } from "./normalise.js";
import { fromPdf } from "./pdf.js";
import type { SourceDocument, SourceFormat } from "./types.js";

export type SourceInput =
  | { kind: "text"; text: string }
  | { kind: "file"; name: string; bytes: Buffer; mediaType?: string | undefined }
  | { kind: "url"; url: string };

export interface IntakeOptions {
  maxBytes: number;
  fetch: {
    enabled: boolean;
    policy: AddressPolicy;
    timeoutMs: number;
    resolve?: (host: string) => Promise<string[]>;
  };
}

const EXTENSIONS: Record<string, SourceFormat> = {
  ".txt": "text",
  ".text": "text",
  ".md": "text",
  ".html": "html",
  ".htm": "html",
  ".xhtml": "html",
  ".pdf": "pdf",
};
const MEDIA_TYPES: Record<string, SourceFormat> = {
  "text/plain": "text",
  "text/markdown": "text",
  "text/html": "html",
  "application/xhtml+xml": "html",
  "application/pdf": "pdf",
};

const isPdf = (bytes: Uint8Array) => Buffer.from(bytes.subarray(0, 1024)).includes("%PDF-");

function tooLarge(input: string, bytes: number, maxBytes: number): SourceError {
  return new SourceError(
    413,
    "SOURCE_TOO_LARGE",
    `The ${input} has ${bytes} bytes, more than ${maxBytes} (LIAISON_SOURCE_MAX_BYTES).`,
    { input, bytes, maxBytes },
  );
}

/** Plain text as a source: refused when empty or binary. */
function fromText(raw: string, input: string): SourceDocument {
  assertTextual(raw, input);
  const text = normaliseText(raw);
  if (!text) throw new SourceError(400, "SOURCE_EMPTY", `The ${input} is empty: it has no text.`, { input });
  return { text, contentSha256: contentSha256(text), format: "text" };
}

/**
 * The charset HTML is written in: a byte-order mark, else the one the server declared, else a
 * `<meta charset>` (or http-equiv) near the top, else UTF-8 (the web's default).
 */
function htmlCharset(bytes: Buffer, declared: string | undefined): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  if (declared) return declared;
  const head = bytes.subarray(0, 2048).toString("latin1");
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(head)?.[1]?.toLowerCase() ?? "utf-8";
}

/** Decodes HTML in its charset; NUL bytes or many control characters mean it is not HTML. */
function decodeHtml(bytes: Buffer, charset: string | undefined, input: string): string {
  let html: string;
  try {
    html = new TextDecoder(htmlCharset(bytes, charset)).decode(bytes);
  } catch {
    // An unknown charset label: UTF-8 is the web's default.
    html = new TextDecoder("utf-8").decode(bytes);
  }
  assertTextual(html, input);
  return html;
}

async function fromBytes(
  bytes: Buffer,
  format: SourceFormat,
  input: string,
  charset?: string,
  pageUrl?: string,
): Promise<SourceDocument> {
  if (bytes.length === 0)
    throw new SourceError(400, "SOURCE_EMPTY", `The ${input} is empty: it has no bytes.`, { input });
  // A PDF is a PDF whatever its name says; a PDF's name on other bytes is read as a PDF and fails there.
  if (format === "pdf" || isPdf(bytes)) {
    const document = await fromPdf(bytes, input);
    return pageUrl ? { ...document, url: pageUrl } : document;
  }
  if (format === "html") {
    const document = fromHtml(decodeHtml(bytes, charset, input), input, pageUrl);
    return { ...document, url: document.url ?? pageUrl };
  }
  const document = fromText(decodeText(bytes, input), input);
  return pageUrl ? { ...document, url: pageUrl } : document;
}

/**
 * Reads one source; every refusal is a SourceError whose `details.input` names what was given.
 * @example await intake({ kind: "text", text: "Wang Yi met Sergey Lavrov." }, options)
 */
export async function intake(source: SourceInput, options: IntakeOptions): Promise<SourceDocument> {
  switch (source.kind) {
    case "text": {
      const bytes = Buffer.byteLength(source.text, "utf8");
      if (bytes > options.maxBytes) throw tooLarge("text", bytes, options.maxBytes);
      return fromText(source.text, "text");
    }
    case "file": {
      if (source.bytes.length > options.maxBytes) throw tooLarge("file", source.bytes.length, options.maxBytes);
      const format =
        EXTENSIONS[path.extname(source.name).toLowerCase()] ?? MEDIA_TYPES[(source.mediaType ?? "").toLowerCase()];
      if (!format && !isPdf(source.bytes)) {
        throw new SourceError(
          415,
          "SOURCE_UNSUPPORTED_TYPE",
          `The file "${source.name.slice(0, 200)}" is not a .txt, .html or .pdf file.`,
          { input: "file", name: source.name.slice(0, 200) },
        );
      }
      return fromBytes(source.bytes, format ?? "pdf", "file");
    }
    case "url": {
      if (!options.fetch.enabled) {
        throw new SourceError(
          403,
          "SOURCE_FETCH_DISABLED",
          "Fetching sources from URLs is turned off on this server (LIAISON_SOURCE_FETCH); paste the text or upload the file instead.",
          { input: "url" },
        );
      }
      const fetched = await fetchSource(source.url, {
        policy: options.fetch.policy,
        timeoutMs: options.fetch.timeoutMs,
        maxBytes: options.maxBytes,
        ...(options.fetch.resolve ? { resolve: options.fetch.resolve } : {}),
      });
      const format = MEDIA_TYPES[fetched.mediaType] ?? "html";
      return fromBytes(fetched.bytes, format, "url", fetched.charset, fetched.url);
    }
  }
}
