import { parseHTML } from "linkedom";
import { describe, expect, test } from "vitest";
import type { DomDocument } from "../../server/sources/dom.js";
import { readHtmlMetadata } from "../../server/sources/html-metadata.js";
import { isoDate } from "../../server/sources/iso-date.js";

const doc = (head: string) =>
  parseHTML(`<html><head>${head}</head><body></body></html>`).document as unknown as DomDocument;

describe("readHtmlMetadata", () => {
  test("when a scholarly page has citation_ metas, then they come first, several authors joined", () => {
    const meta = readHtmlMetadata(
      doc(`<meta name="citation_title" content="On Partnerships"><meta name="citation_author" content="Pandey, Rahul">
        <meta name="citation_author" content="Li, Wei"><meta name="citation_publication_date" content="2025/05/09">
        <meta name="citation_publisher" content="JNU Press"><meta property="og:title" content="Other title">`),
    );
    expect(meta).toMatchObject({
      title: "On Partnerships",
      author: "Pandey, Rahul, Li, Wei",
      publishedAt: "2025-05-09",
      publisher: "JNU Press",
    });
  });

  test("when only JSON-LD describes the article, then its headline, authors, publisher and date are used", () => {
    const meta = readHtmlMetadata(
      doc(
        `<title>Site | Page</title><script type="application/ld+json">{"@graph":[{"@type":"WebSite"},{"@type":["NewsArticle"],"headline":"Talks in Astana","author":[{"name":"A. Writer"},{"name":"B. Writer"}],"publisher":{"name":"Wire"},"datePublished":"2024-07-03T08:00:00+02:00"}]}</script>`,
      ),
    );
    expect(meta).toMatchObject({
      title: "Talks in Astana",
      author: "A. Writer, B. Writer",
      publisher: "Wire",
      publishedAt: "2024-07-03T08:00:00+02:00",
    });
  });

  test("when JSON-LD is broken or article:author is a profile URL, then they are ignored", () => {
    const meta = readHtmlMetadata(
      doc(
        `<title>Plain</title><meta property="article:author" content="https://facebook.com/someone"><script type="application/ld+json">{broken</script>`,
      ),
    );
    expect(meta).toMatchObject({ title: "Plain", author: undefined });
  });

  test("when the canonical link is relative, then it resolves against the page's URL; a javascript: link is dropped", () => {
    expect(readHtmlMetadata(doc('<link rel="canonical" href="/a/b">'), "https://news.example/x?y=1").url).toBe(
      "https://news.example/a/b",
    );
    expect(readHtmlMetadata(doc('<link rel="canonical" href="javascript:alert(1)">')).url).toBeUndefined();
  });
});

describe("isoDate", () => {
  test.each([
    ["2024/11/18", "2024-11-18"],
    ["2024-1-5", "2024-01-05"],
    ["2024-11", "2024-11"],
    ["2024", "2024"],
    ["D:20241118093000Z", "2024-11-18T09:30:00Z"],
    ["D:202411", "2024-11"],
    ["2024-11-18T10:00:00Z", "2024-11-18T10:00:00Z"],
    ["Mon, 18 Nov 2024 10:00:00 GMT", "2024-11-18T10:00:00.000Z"],
  ])("when a document says %s, then the date is %s", (given, expected) => {
    expect(isoDate(given)).toBe(expected);
  });

  test.each(["soon", "", "2024-13-01", "2024/02/40"])("when a document says %j, then there is no date", (given) => {
    expect(isoDate(given)).toBeUndefined();
  });
});
