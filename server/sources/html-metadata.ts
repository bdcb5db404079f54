/** What an HTML page says about itself: `<meta>` (Open Graph, article:, citation_, Dublin Core, name=author), JSON-LD, the canonical link. */
import type { DomDocument } from "./dom.js";
import { isoDate } from "./iso-date.js";
import type { SourceMetadata } from "./types.js";

/** Meta names in order of preference, per field. */
const META: Record<Exclude<keyof SourceMetadata, "url">, string[]> = {
  title: ["citation_title", "og:title", "dc.title", "twitter:title"],
  author: ["citation_author", "author", "article:author", "dc.creator", "parsely-author", "sailthru.author"],
  publisher: ["citation_publisher", "og:site_name", "citation_journal_title", "dc.publisher", "application-name"],
  publishedAt: [
    "citation_publication_date",
    "article:published_time",
    "citation_date",
    "citation_online_date",
    "dc.date",
    "dc.date.issued",
    "date",
    "parsely-pub-date",
    "sailthru.date",
  ],
};

const clean = (value: string | null | undefined): string | undefined => {
  const text = value?.replace(/\s+/g, " ").trim();
  return text ? text.slice(0, 1000) : undefined;
};

/** Every meta's content by its lower-cased `property`, `name` or `itemprop`, in document order. */
function metaValues(document: DomDocument): Map<string, string[]> {
  const values = new Map<string, string[]>();
  for (const meta of Array.from(document.querySelectorAll("meta"))) {
    const key = (meta.getAttribute("property") ?? meta.getAttribute("name") ?? meta.getAttribute("itemprop") ?? "")
      .trim()
      .toLowerCase();
    const content = clean(meta.getAttribute("content"));
    if (!key || !content) continue;
    values.set(key, [...(values.get(key) ?? []), content]);
  }
  return values;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The first JSON-LD object that describes an article (or any CreativeWork with a headline). */
function jsonLdArticle(document: DomDocument): Record<string, Json> | undefined {
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    let parsed: Json;
    try {
      parsed = JSON.parse(script.textContent ?? "") as Json;
    } catch {
      continue; // Pages often carry broken JSON-LD; it is a hint, not a requirement.
    }
    const queue: Json[] = [parsed];
    for (let seen = 0; queue.length > 0 && seen < 200; seen += 1) {
      const item = queue.shift();
      if (Array.isArray(item)) queue.push(...item);
      else if (item && typeof item === "object") {
        const type = item["@type"];
        const types = Array.isArray(type) ? type : [type];
        if (types.some((t) => typeof t === "string" && /Article|Posting|Report|CreativeWork/.test(t))) return item;
        if (item["@graph"]) queue.push(item["@graph"]);
      }
    }
  }
  return undefined;
}

/** A JSON-LD person or organisation (or a list of them) as names joined by ", ". */
function names(value: Json | undefined): string | undefined {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  const found = list
    .map((item) =>
      typeof item === "string"
        ? item
        : item && typeof item === "object" && !Array.isArray(item)
          ? item.name
          : undefined,
    )
    .filter((name): name is string => typeof name === "string" && name.trim() !== "");
  return clean(found.join(", "));
}

const notUrl = (value: string | undefined) => (value && /^https?:\/\//i.test(value) ? undefined : value);

/**
 * The page's own metadata; `pageUrl` (where it was fetched) resolves a relative canonical link.
 * Call before Readability, which changes the document.
 * @example readHtmlMetadata(parseHTML('<meta property="og:title" content="T">').document).title === "T"
 */
export function readHtmlMetadata(document: DomDocument, pageUrl?: string): SourceMetadata {
  const meta = metaValues(document);
  const first = (field: keyof typeof META) => META[field].map((key) => meta.get(key)?.[0]).find(Boolean);
  const ld = jsonLdArticle(document);
  const ldString = (key: string) => (typeof ld?.[key] === "string" ? clean(ld[key] as string) : undefined);
  // Several citation_author metas are several authors.
  const citationAuthors = meta.get("citation_author");
  const author =
    (citationAuthors && citationAuthors.length > 1 ? citationAuthors.join(", ") : undefined) ??
    notUrl(first("author")) ??
    names(ld?.author);
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? meta.get("og:url")?.[0];
  let url: string | undefined;
  try {
    url = canonical ? new URL(canonical, pageUrl).href : pageUrl;
  } catch {
    url = pageUrl;
  }
  return {
    title: first("title") ?? ldString("headline") ?? clean(document.title),
    author,
    publisher: first("publisher") ?? names(ld?.publisher),
    publishedAt: isoDate(first("publishedAt")) ?? isoDate(ldString("datePublished")),
    url: url && /^https?:/i.test(url) ? url : undefined,
  };
}
