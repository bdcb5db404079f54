/** An HTML page reduced to its article: Readability (Mozilla's reader view) over a linkedom DOM, plus the page's own metadata. */
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { SourceError } from "../lib/errors.js";
import type { DomDocument, DomNode } from "./dom.js";
import { readHtmlMetadata } from "./html-metadata.js";
import { htmlText } from "./html-text.js";
import { isoDate } from "./iso-date.js";
import { contentSha256 } from "./normalise.js";
import type { SourceDocument } from "./types.js";

/**
 * Fewer characters than this is a page without an article (a login form, an index of links, an
 * error page): Readability returns whatever text it found, so the length decides.
 */
export const MIN_ARTICLE_CHARS = 200;

/**
 * Elements a page may have: Readability runs on the event loop, and its time grows with the page
 * (a page of 60,000 paragraphs, 9.7 MB, took 14 s on a loaded 2-core machine; 10,000 took 5.6 s).
 * A long article has a few thousand elements; a page with comments rarely 20,000.
 */
export const MAX_ELEMENTS = 30_000;

/**
 * The article of an HTML page as a source; 422 HTML_NO_ARTICLE naming `input` when there is none.
 * @example fromHtml("<article><p>…</p></article>", "file").format === "html"
 */
export function fromHtml(html: string, input: string, pageUrl?: string): SourceDocument {
  const { document } = parseHTML(html) as unknown as { document: DomDocument & DomNode };
  // Counted here: Readability's own bound (maxElemsToParse) counts getElementsByTagName("*"),
  // which linkedom answers with nothing, so it never holds.
  const elements = document.querySelectorAll("*").length;
  if (elements > MAX_ELEMENTS) {
    throw new SourceError(
      413,
      "SOURCE_TOO_LARGE",
      `The ${input} is an HTML page of ${elements} elements, more than the ${MAX_ELEMENTS} this server reads.`,
      { input, elements, maxElements: MAX_ELEMENTS },
    );
  }
  const metadata = readHtmlMetadata(document, pageUrl);
  let article: {
    title?: string | null | undefined;
    byline?: string | null;
    siteName?: string | null;
    publishedTime?: string | null;
    content?: string | null | undefined;
  } | null;
  try {
    article = new Readability<string>(document as never, {
      serializer: (node) => htmlText(node as unknown as DomNode),
    }).parse();
  } catch (error) {
    throw new SourceError(
      422,
      "HTML_NO_ARTICLE",
      `The ${input} could not be read as an article: ${(error as Error).message}.`,
      {
        input,
      },
    );
  }
  const text = article?.content ?? "";
  if (text.length < MIN_ARTICLE_CHARS) {
    throw new SourceError(
      422,
      "HTML_NO_ARTICLE",
      `The ${input} is HTML without an article: ${text.length} characters of article text, fewer than ${MIN_ARTICLE_CHARS}.`,
      { input, characters: text.length },
    );
  }
  return {
    text,
    contentSha256: contentSha256(text),
    format: "html",
    title: metadata.title ?? article?.title ?? undefined,
    author: metadata.author ?? article?.byline ?? undefined,
    publisher: metadata.publisher ?? article?.siteName ?? undefined,
    publishedAt: metadata.publishedAt ?? isoDate(article?.publishedTime ?? undefined),
    url: metadata.url,
  };
}
