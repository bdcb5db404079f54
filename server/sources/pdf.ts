/** A PDF's text layer and document information, read with pdf.js (Mozilla's legacy build for Node, its worker run in-process: nothing downloaded). */
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { SourceError } from "../lib/errors.js";
import { isoDate } from "./iso-date.js";
import { contentSha256, normaliseText } from "./normalise.js";
import type { SourceDocument } from "./types.js";

/** Pages read at most; a longer document is cut there (no article runs to a thousand pages). */
const MAX_PAGES = 1000;
/**
 * Time the pages may take, checked between pages: pdf.js runs in this process, and a document
 * built to be slow must not keep the server busy for long.
 */
const MAX_READ_MS = 20_000;

interface TextItem {
  str: string;
  hasEOL: boolean;
  transform: number[];
  height: number;
}

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

/**
 * The text of a PDF as a source; 422 PDF_NO_TEXT naming `input` when it has no text layer (a
 * scan) or cannot be read.
 */
export async function fromPdf(bytes: Uint8Array, input: string): Promise<SourceDocument> {
  const task = getDocument({
    // pdf.js takes ownership of the buffer it is given: hand it a copy.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    const pdf = await task.promise.catch((error: Error) => {
      throw new SourceError(422, "PDF_NO_TEXT", `The ${input} could not be read as a PDF: ${error.message}.`, {
        input,
      });
    });
    const pages: string[] = [];
    const started = performance.now();
    for (let number = 1; number <= Math.min(pdf.numPages, MAX_PAGES); number += 1) {
      if (performance.now() - started > MAX_READ_MS) {
        throw new SourceError(
          413,
          "SOURCE_TOO_LARGE",
          `The ${input} is a PDF too large to read: ${number - 1} of ${pdf.numPages} pages took more than ${MAX_READ_MS / 1000} s.`,
          { input, pages: pdf.numPages },
        );
      }
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      pages.push(pageText(content.items.filter((item): item is TextItem & typeof item => "str" in item)));
      page.cleanup();
    }
    const text = normaliseText(pages.join("\n\n"));
    if (!text) {
      throw new SourceError(
        422,
        "PDF_NO_TEXT",
        `The ${input} is a PDF without text (${pdf.numPages} page${pdf.numPages === 1 ? "" : "s"}, perhaps scanned images): there is nothing to quote.`,
        { input, pages: pdf.numPages },
      );
    }
    const { info } = (await pdf.getMetadata().catch(() => ({ info: {} }))) as { info: Record<string, unknown> };
    const field = (key: string) => (typeof info[key] === "string" && info[key].trim() ? info[key].trim() : undefined);
    return {
      text,
      contentSha256: contentSha256(text),
      format: "pdf",
      title: field("Title"),
      author: field("Author"),
      publishedAt: isoDate(field("CreationDate")),
    };
  } finally {
    await task.destroy();
  }
}
