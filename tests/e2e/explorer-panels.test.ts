import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { describe, expect, inject, test } from "vitest";
import { appIdle, canvasNodes, canvasSettled, explorerSession, screenshot } from "../support/browser.js";

const session = explorerSession();
const open = (path?: string) => session.open(path);

type Liaison = { cy: import("cytoscape").Core };

/** Picks the first suggestion a picker offers for this text. */
async function pick(page: Page, name: string, text: string, option: RegExp): Promise<void> {
  const box = page.getByRole("combobox", { name });
  await box.fill(text);
  await page.getByRole("option", { name: option }).first().waitFor();
  await box.press("Enter");
}

describe("the details panel", () => {
  test("when a relationship with evidence is selected, then its passages come in one request, each in its paragraph with its source, and no source is fetched whole", async () => {
    const edgeId = "actor:sergey-lavrov|PARTICIPATED_IN|event:wang-yi-lavrov-meetings";
    const page = await open(
      `/?focus=${encodeURIComponent("event:wang-yi-lavrov-meetings")}&sel=${encodeURIComponent(edgeId)}&panel=details`,
    );
    const asked: string[] = [];
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith("/api/")) asked.push(`${url.pathname}${url.search}`);
    });
    // Counted from a fresh load, so that no request went out before the listener.
    await page.reload();
    const quote = page.locator(".evidence mark.quote").first();
    await quote.waitFor();
    await appIdle(page);
    const evidence = asked.filter((url) => url.startsWith("/api/evidence"));
    expect(evidence).toHaveLength(1);
    expect(asked.filter((url) => /^\/api\/nodes\/(source|passage)/.test(decodeURIComponent(url)))).toEqual([]);
    const data = await page.evaluate(
      (id) => (window as unknown as { liaison: Liaison }).liaison.cy.getElementById(id).data("evidence") as string[],
      edgeId,
    );
    await expect(page.locator(".evidence").count()).resolves.toBe(data.length);
    // The passage is shown inside its paragraph (more text than the quote), with the source and its author.
    const paragraph = (await page.locator(".evidence .quote-text").first().textContent()) ?? "";
    const exact = (await quote.textContent()) ?? "";
    expect(exact.length).toBeGreaterThan(0);
    expect(paragraph).toContain(exact);
    expect(paragraph.length).toBeGreaterThan(exact.length);
    await expect(page.locator(".evidence .source-author").first().textContent()).resolves.toMatch(/Rahul Pandey/);
    await screenshot(page, "12-edge-evidence-details");
    await page.close();
  });
});

describe("the who-met-whom overview", () => {
  test("when the line between Wang Yi and Sergey Lavrov is clicked, then where they met and who says so are shown, and the line keeps its 18×", async () => {
    const page = await open();
    await canvasSettled(page);
    const edgeId = "actor:sergey-lavrov|MET|actor:wang-yi";
    const middle = await page.evaluate(
      (id) => (window as unknown as { liaison: Liaison }).liaison.cy.getElementById(id).renderedMidpoint(),
      edgeId,
    );
    const box = await page.locator("#canvas").boundingBox();
    await page.mouse.click((box?.x ?? 0) + middle.x, (box?.y ?? 0) + middle.y);
    await page.waitForURL(/sel=actor%3Asergey-lavrov%7CMET%7Cactor%3Awang-yi/);
    const pair = page.locator(".pair-meetings .counterpart");
    await pair.waitFor();
    const text = (await pair.textContent()) ?? "";
    expect(text).toMatch(/18 meetings/);
    for (const forum of ["G20", "BRICS", "Shanghai Cooperation Organisation", "United Nations"])
      expect(text).toContain(forum);
    expect(text).toMatch(/Says: Rahul Pandey/);
    // The shared event is named, not shown as its id.
    expect(text).toContain("Wang Yi–Lavrov meetings and communications");
    const label = await page.evaluate(
      (id) => (window as unknown as { liaison: Liaison }).liaison.cy.getElementById(id).style("label"),
      edgeId,
    );
    expect(label).toBe("18×");
    // The details panel narrowed the canvas; the pair is still in view.
    await appIdle(page);
    const width = await page.evaluate(() => (window as unknown as { liaison: Liaison }).liaison.cy.width());
    for (const node of (await canvasNodes(page)).filter((n) =>
      ["actor:wang-yi", "actor:sergey-lavrov"].includes(n.id),
    )) {
      expect(node.renderedX).toBeGreaterThan(0);
      expect(node.renderedX).toBeLessThan(width);
    }
    await screenshot(page, "11-met-line-details");
    await page.close();
  });

  test("when a panel opens beside the canvas, then every node is still inside the canvas", async () => {
    const page = await open();
    await canvasSettled(page);
    await page.getByRole("button", { name: "Who met whom" }).first().click();
    await page.locator("#panel").waitFor();
    await appIdle(page);
    const width = await page.evaluate(() => (window as unknown as { liaison: Liaison }).liaison.cy.width());
    const nodes = await canvasNodes(page);
    expect(nodes.length).toBeGreaterThan(1);
    for (const node of nodes) {
      expect(node.renderedX).toBeGreaterThanOrEqual(0);
      expect(node.renderedX).toBeLessThanOrEqual(width);
    }
    await page.close();
  });
});

describe("the Who met whom panel", () => {
  test("when Show as graph is clicked, then the canvas keeps the actors, events and forums of the meetings", async () => {
    const page = await open("/?panel=meetings&actor=actor%3Awang-yi");
    await page.locator('.counterpart[data-actor="actor:sergey-lavrov"]').waitFor();
    await page.getByRole("button", { name: "Show as graph" }).click();
    await page.waitForURL(/focus=actor%3Awang-yi/);
    await canvasSettled(page);
    const nodes = await canvasNodes(page);
    const types = new Set(nodes.map((node) => node.type));
    expect(types.has("Forum")).toBe(true);
    expect([...types].every((type) => ["Actor", "Event", "Forum"].includes(type))).toBe(true);
    const faded = await page.evaluate(
      () => (window as unknown as { liaison: Liaison }).liaison.cy.elements(".faded").length,
    );
    expect(faded).toBe(0);
    await page.close();
  });
});

describe("the time range", () => {
  test("when it starts after an event that has only an end (before Feb 2022), then that event is hidden; an ongoing one stays", async () => {
    const page = await open("/?focus=actor%3Avladimir-putin&from=2023-01");
    await canvasSettled(page);
    const nodes = await canvasNodes(page);
    const before = nodes.find((node) => node.id === "event:no-limits-partnership-announcement");
    const ongoing = nodes.find((node) => node.id === "event:xi-putin-meetings-2022-2025");
    expect(before?.hidden).toBe(true);
    expect(ongoing?.hidden).toBe(false);
    await page.close();
  });
});

describe("the Paths panel", () => {
  test("when Qin Gang and Fu Cong are picked, then a path between them is highlighted and each hop shows its evidence", async () => {
    const page = await open("/?panel=paths");
    await canvasSettled(page);
    await pick(page, "From", "qin gang", /Qin Gang/);
    await page.waitForURL(/pathFrom=actor%3Aqin-gang/);
    await pick(page, "To", "fu cong", /Fu Cong/);
    await page.waitForURL(/pathTo=actor%3Afu-cong/);
    const hop = page.locator(".hops > li").first();
    await hop.waitFor();
    await expect(page.locator(".paths > li").first().textContent()).resolves.toMatch(/\d+ hops?/);
    const onPath = await page.evaluate(() =>
      (window as unknown as { liaison: Liaison }).liaison.cy.elements(".on-path").map((element) => element.id()),
    );
    expect(onPath).toContain("actor:qin-gang");
    expect(onPath).toContain("actor:fu-cong");
    expect(onPath.some((id) => id.includes("|"))).toBe(true);
    await hop.locator("summary").click();
    const quote = hop.locator(".evidence mark.quote");
    await quote.waitFor();
    await expect(quote.textContent()).resolves.toMatch(/Qin Gang/);
    await expect(hop.locator(".source-author").textContent()).resolves.toMatch(/Rahul Pandey/);
    await screenshot(page, "12-paths");
    await page.close();
  });
});

describe("the Cypher console", () => {
  test("when a query returns nodes, then only the new ones count as added and the result is highlighted until the next selection", async () => {
    const page = await open("/?focus=actor%3Awang-yi&panel=console");
    await canvasSettled(page);
    const before = new Set((await canvasNodes(page)).map((node) => node.id));
    const editor = page.locator("#console-editor .cm-content");
    await editor.waitFor();
    const run = async (query: string) => {
      await editor.click();
      await page.keyboard.press("ControlOrMeta+a");
      await page.keyboard.press("Delete");
      await page.keyboard.type(query);
      await page.keyboard.press("Escape");
      await page.keyboard.press("Control+Enter");
    };
    const query =
      "MATCH (a:Actor {name: 'Wang Yi'})-[r:PARTICIPATED_IN]->(e:Event)-[f:AT_FORUM]->(forum:Forum) RETURN a, r, e, f, forum";
    // What the query returns, asked of the API directly.
    const answer = (await (
      await fetch(`${inject("appUrl")}/api/cypher`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query, params: {} }),
      })
    ).json()) as { elements: { nodes: { data: { id: string } }[]; edges: { data: { id: string } }[] } };
    const resultNodes = answer.elements.nodes.map((node) => node.data.id);
    const fresh = resultNodes.filter((id) => !before.has(id)).length;
    const shown = resultNodes.length - fresh;
    expect(fresh).toBeGreaterThan(0);
    expect(shown).toBeGreaterThan(0);

    await run(query);
    const summary = page.locator(".result-summary");
    await summary.waitFor();
    await expect(summary.textContent()).resolves.toMatch(
      new RegExp(`${fresh} nodes? added to the canvas, ${shown} already shown`),
    );
    const classesOf = () =>
      page.evaluate(() => {
        const { cy } = (window as unknown as { liaison: Liaison }).liaison;
        return {
          inResult: cy.elements(".in-result").map((element) => element.id()),
          faded: cy.elements(".faded").map((element) => element.id()),
        };
      });
    const lit = await classesOf();
    expect(new Set(lit.inResult)).toEqual(
      new Set([...answer.elements.nodes, ...answer.elements.edges].map((element) => element.data.id)),
    );
    expect(lit.faded.length).toBeGreaterThan(0);
    expect(lit.faded.some((id) => lit.inResult.includes(id))).toBe(false);
    await screenshot(page, "13-console-result-highlighted");

    // The next query replaces the highlight.
    await run("MATCH (a:Actor {name: 'Wang Yi'}) RETURN a");
    await summary.filter({ hasText: /1 row in \d+ ms · 1 node already on the canvas/ }).waitFor();
    await page.waitForFunction(
      () => (window as unknown as { liaison: Liaison }).liaison.cy.elements(".in-result").length === 1,
    );
    await expect(classesOf()).resolves.toMatchObject({ inResult: ["actor:wang-yi"] });

    // A selection clears it.
    const box = await page.locator("#canvas").boundingBox();
    const at = await page.evaluate(() =>
      (window as unknown as { liaison: Liaison }).liaison.cy.getElementById("actor:wang-yi").renderedPosition(),
    );
    await page.mouse.click((box?.x ?? 0) + at.x, (box?.y ?? 0) + at.y);
    await page.waitForURL(/sel=actor%3Awang-yi/);
    await expect(classesOf()).resolves.toMatchObject({ inResult: [] });
    await page.close();
  });
});

describe("saved views", () => {
  test("when a view is saved, the canvas changed and the view restored, then the saved nodes come back, expansions included", async () => {
    const page = await open("/?focus=actor%3Awang-yi&panel=views");
    await canvasSettled(page);
    // Expand the meeting series so that the saved canvas differs from the plain neighbourhood of the focus.
    const before = await canvasNodes(page);
    await page.evaluate(() =>
      (window as unknown as { liaison: { app: { expand(id: string): Promise<void> } } }).liaison.app.expand(
        "event:wang-yi-lavrov-meetings",
      ),
    );
    await page.waitForFunction(
      (count) => (window as unknown as { liaison: Liaison }).liaison.cy.nodes().length > count,
      before.length,
    );
    const saved = (await canvasNodes(page)).map((node) => node.id).sort();
    await page.locator("#view-name").fill("Wang Yi and the forums");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByText("Saved “Wang Yi and the forums”").waitFor();
    await expect(page.locator("#view-name").inputValue()).resolves.toBe("");

    await page.getByRole("button", { name: "Overview" }).click();
    await page.waitForURL((url) => !url.searchParams.has("focus"));
    await canvasSettled(page);
    await page.getByRole("button", { name: "Restore" }).click();
    await page.waitForURL(/focus=actor%3Awang-yi/);
    await appIdle(page);
    const restored = (await canvasNodes(page)).map((node) => node.id).sort();
    expect(restored).toEqual(saved);
    await page.close();
  });

  test("when views are exported to a file and imported into another browser, then the same views are listed and restore", async () => {
    const page = await open("/?focus=forum%3Abrics&panel=views");
    await canvasSettled(page);
    await page.locator("#view-name").fill("BRICS neighbourhood");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export all to a file" }).click(),
    ]);
    const file = await download.path();
    const exported = JSON.parse(await readFile(file, "utf8")) as { format: string; views: { name: string }[] };
    expect(exported.format).toBe("liaison-views");
    expect(exported.views.map((view) => view.name)).toContain("BRICS neighbourhood");

    // A colleague's browser: empty storage, the file imported.
    await page.evaluate(() => window.localStorage.clear());
    await page.reload();
    await page.getByText("No saved views yet").waitFor();
    await page.locator('.panel input[type="file"]').setInputFiles(file);
    await page.getByText(/Imported \d+ views?/).waitFor();
    const item = page.locator(".saved-views li").filter({ hasText: "BRICS neighbourhood" });
    await item.getByRole("button", { name: "Restore" }).click();
    await page.waitForURL(/focus=forum%3Abrics/);
    await canvasSettled(page);
    const nodes = await canvasNodes(page);
    expect(nodes.some((node) => node.id === "forum:brics")).toBe(true);
    await page.close();
  });
});

describe("when the database is unreachable", () => {
  test("when every query answers 503, then one readable banner says so and the empty canvas explains why", async () => {
    const page = await session.browser().newPage();
    // The server's own answers while Neo4j is down (GET /api/health keeps its body; the rest are API errors).
    await page.route("**/api/**", (route) => {
      const health = new URL(route.request().url()).pathname === "/api/health";
      return route.fulfill({
        status: 503,
        contentType: "application/json",
        body: JSON.stringify(
          health
            ? {
                status: "unavailable",
                neo4j: { mode: "external", uri: "bolt://db" },
                reason: "health/counts-by-label: Neo4j is unreachable right now; try again shortly.",
              }
            : {
                error: {
                  code: "UNAVAILABLE",
                  message: "graph/counts: Neo4j is unreachable right now; try again shortly.",
                },
              },
        ),
      });
    });
    await page.goto(inject("appUrl"));
    const banner = page.locator("#banner");
    await banner.waitFor({ state: "visible" });
    await appIdle(page);
    const text = (await banner.textContent()) ?? "";
    expect(text).toMatch(/database is unavailable/);
    expect(text).toMatch(/Neo4j is unreachable/);
    expect(text).not.toMatch(/503|health\/|\/api\//);
    await expect(page.locator("#empty-state").textContent()).resolves.toMatch(/database is not answering/);
    await expect(page.locator("#toast").isVisible()).resolves.toBe(false);
    await screenshot(page, "13-database-unreachable");
    await page.close();
  });
});
