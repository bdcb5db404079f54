/**
 * A PDF's text layer and document information, read with pdf.js (Mozilla's legacy build for Node)
 * in a worker thread of its own. Never in the server's thread: the legacy build carries core-js
 * polyfills that replace built-ins of the realm that loads it (JSON.stringify, JSON.parse,
 * Array.prototype.push on Node 20), which made every response's JSON ~8× slower; in a worker they
 * stay in the worker, a slow document cannot hold the event loop, and the time limit ends it.
 */
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
// Types only: the module itself is loaded by the worker, never here.
import type { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { SourceError } from "../lib/errors.js";
import { isoDate } from "./iso-date.js";
import { contentSha256, normaliseText } from "./normalise.js";
import type { SourceDocument } from "./types.js";

/** Pages read at most; a longer document is cut there (no article runs to a thousand pages). */
const MAX_PAGES = 1000;
/** Heap the reader may use: a compressed stream that inflates without end stops the worker, not the server. */
const MAX_HEAP_MB = 512;
/** Time a document may take to read; past it the worker is stopped and the document refused. */
const MAX_READ_MS = 20_000;

interface TextItem {
  str: string;
  hasEOL: boolean;
  transform: number[];
  height: number;
}

/** What the worker posts: the page count, each page's text items, then the document information. */
type FromWorker =
  | { kind: "opened"; pages: number }
  | { kind: "page"; items: TextItem[] }
  | { kind: "done"; info: Record<string, string> }
  | { kind: "unreadable"; message: string };

/** How pdf.js opens a document: no eval, no fonts (only the text layer is read), no console output. */
const documentOptions = {
  isEvalSupported: false,
  disableFontFace: true,
  useSystemFonts: false,
  stopAtErrors: false,
  verbosity: 0,
} satisfies Parameters<typeof getDocument>[0];

const pdfjsUrl = pathToFileURL(createRequire(import.meta.url).resolve("pdfjs-dist/legacy/build/pdf.mjs")).href;

/**
 * The worker's code (CommonJS, evaluated: it needs no file of its own beside the built server,
 * and runs the same under the tests' TypeScript loader). pdf.js's own "worker" runs in this thread.
 */
const workerCode = `
const { parentPort, workerData } = require("node:worker_threads");
const post = (message) => parentPort.postMessage(message);
(async () => {
  const { getDocument } = await import(workerData.pdfjs);
  const task = getDocument({ ...workerData.options, data: workerData.bytes });
  let pdf;
  try {
    pdf = await task.promise;
  } catch (error) {
    post({ kind: "unreadable", message: String((error && error.message) || error) });
    return;
  }
  post({ kind: "opened", pages: pdf.numPages });
  for (let number = 1; number <= Math.min(pdf.numPages, workerData.maxPages); number += 1) {
    const page = await pdf.getPage(number);
    const content = await page.getTextContent();
    const items = content.items
      .filter((item) => "str" in item)
      .map(({ str, hasEOL, transform, height }) => ({ str, hasEOL, transform, height }));
    post({ kind: "page", items });
    page.cleanup();
  }
  const { info } = await pdf.getMetadata().catch(() => ({ info: {} }));
  const strings = {};
  for (const [key, value] of Object.entries(info || {})) if (typeof value === "string") strings[key] = value;
  post({ kind: "done", info: strings });
  await task.destroy();
})().catch((error) => post({ kind: "unreadable", message: String((error && error.message) || error) }));
`;

/**
 * One page's text: items joined, a line break at each end of line, a blank line where the gap
 * to the next line is clearly larger than the line height (a new paragraph).
 */
function pageText(items: readonly TextItem[]): string {
  let out = "";
  let lastY: number | undefined;
  let lastHeight = 0;
  for (const item of items) {
    const y = item.transform[5] ?? 0;
    if (lastY !== undefined && out && !out.endsWith("\n")) {
      // A move to another line without an end-of-line mark.
      if (Math.abs(lastY - y) > Math.max(1, lastHeight * 0.5)) out += "\n";
    }
    if (lastY !== undefined && out.endsWith("\n") && lastHeight > 0 && lastY - y > lastHeight * 1.8) out += "\n";
    out += item.str;
    if (item.hasEOL) out += "\n";
    if (item.str.trim()) {
      lastY = y;
      lastHeight = item.height || lastHeight;
    }
  }
  return out;
}

/** The pages' text items and the document information, read in a worker stopped after MAX_READ_MS. */
function readInWorker(
  bytes: Uint8Array,
  input: string,
): Promise<{ pages: TextItem[][]; count: number; info: Record<string, string> }> {
  return new Promise((resolve, reject) => {
    // pdf.js takes ownership of the buffer it is given: hand it a copy.
    const worker = new Worker(workerCode, {
      eval: true,
      resourceLimits: { maxOldGenerationSizeMb: MAX_HEAP_MB },
      workerData: { bytes: new Uint8Array(bytes), options: documentOptions, pdfjs: pdfjsUrl, maxPages: MAX_PAGES },
    });
    const pages: TextItem[][] = [];
    let count = 0;
    let settled = false;
    const settle = (done: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      done();
    };
    const timer = setTimeout(
      () =>
        settle(() =>
          reject(
            new SourceError(
              413,
              "SOURCE_TOO_LARGE",
              `The ${input} is a PDF too large to read: ${pages.length} of ${count || "its"} pages took more than ${MAX_READ_MS / 1000} s.`,
              { input, pages: count },
            ),
          ),
        ),
      MAX_READ_MS,
    );
    const unreadable = (message: string) =>
      settle(() =>
        reject(new SourceError(422, "PDF_NO_TEXT", `The ${input} could not be read as a PDF: ${message}.`, { input })),
      );
    worker.on("message", (message: FromWorker) => {
      if (message.kind === "opened") count = message.pages;
      else if (message.kind === "page") pages.push(message.items);
      else if (message.kind === "done") settle(() => resolve({ pages, count, info: message.info }));
      else unreadable(message.message);
    });
    worker.once("error", (error) => {
      if ((error as NodeJS.ErrnoException).code !== "ERR_WORKER_OUT_OF_MEMORY") return unreadable(error.message);
      settle(() =>
        reject(
          new SourceError(
            413,
            "SOURCE_TOO_LARGE",
            `The ${input} is a PDF too large to read: it needed more than ${MAX_HEAP_MB} MB.`,
            {
              input,
            },
          ),
        ),
      );
    });
    worker.once("exit", (code) => unreadable(`the reader stopped (exit ${code})`));
  });
}

/**
 * The text of a PDF as a source; 422 PDF_NO_TEXT naming `input` when it has no text layer (a
 * scan) or cannot be read, 413 SOURCE_TOO_LARGE when reading it takes too long.
 */
export async function fromPdf(bytes: Uint8Array, input: string): Promise<SourceDocument> {
  const { pages, count, info } = await readInWorker(bytes, input);
  const text = normaliseText(pages.map(pageText).join("\n\n"));
  if (!text) {
    throw new SourceError(
      422,
      "PDF_NO_TEXT",
      `The ${input} is a PDF without text (${count} page${count === 1 ? "" : "s"}, perhaps scanned images): there is nothing to quote.`,
      { input, pages: count },
    );
  }
  const field = (key: string) => info[key]?.trim() || undefined;
  return {
    text,
    contentSha256: contentSha256(text),
    format: "pdf",
    title: field("Title"),
    author: field("Author"),
    publishedAt: isoDate(field("CreationDate")),
  };
}
