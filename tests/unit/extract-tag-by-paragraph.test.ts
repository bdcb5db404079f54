import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { emptyResolver, extract } from "../../server/extract/index.js";
import { paragraphs } from "../../server/extract/segment.js";
import { tagByParagraph } from "../../server/extract/tag-by-paragraph.js";
import { compromiseTagger } from "../../server/extract/taggers.js";

const article = readFileSync(
  new URL("../../data/seed/sources/moscow-beijing-no-limits-partnership.txt", import.meta.url),
  "utf8",
);

describe("tagging a document a paragraph at a time", () => {
  test("when the seed article is tagged by paragraph, then every word has the tags it has when the whole text is tagged", async () => {
    const whole = compromiseTagger.tag(article);
    const byParagraph = await tagByParagraph(article, paragraphs(article), compromiseTagger);
    expect(byParagraph.size).toBe(whole.size);
    expect([...byParagraph.entries()].sort((a, b) => a[0] - b[0])).toEqual(
      [...whole.entries()].sort((a, b) => a[0] - b[0]),
    );
  });

  test("when a long text is extracted, then other work of the server runs before the extraction ends", async () => {
    const text = Array.from({ length: 4 }, () => article).join("\n\n");
    const order: string[] = [];
    const extraction = extract({ text, publishedAt: "2025-06-01" }, emptyResolver).then(() => order.push("extraction"));
    setImmediate(() => order.push("another request"));
    await extraction;
    expect(order).toEqual(["another request", "extraction"]);
  });

  test("when the request goes away, then the extraction stops between paragraphs", async () => {
    const controller = new AbortController();
    controller.abort(new Error("the client went away"));
    await expect(tagByParagraph(article, paragraphs(article), compromiseTagger, controller.signal)).rejects.toThrow(
      "the client went away",
    );
  });
});
