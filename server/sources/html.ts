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

/** Elements Readability looks at; bounds the work on a hostile page. */
const MAX_ELEMENTS = 100_000;

/**
 * The article of an HTML page as a source; 422 HTML_NO_ARTICLE naming `input` when there is none.
 * @example fromHtml("<article><p>…</p></article>", "file").format === "html"
 */
export function fromHtml(html: string, input: string, pageUrl?: string): SourceDocument {
  const { document } = parseHTML(html) as unknown as { document: DomDocument & DomNode };
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
      maxElemsToParse: MAX_ELEMENTS,
      serializer: (node) => htmlText(node as unknown as DomNode),
    }).parse();
  } catch (error) {
    // Readability throws when a page has more elements than it is allowed to read.
    throw new SourceError(
      422,
      "HTML_NO_ARTICLE",
      `The ${input} could not be read as an article: ${(error as Error).message}.`,
      { input },
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
