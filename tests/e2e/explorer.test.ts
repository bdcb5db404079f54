import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import {
  appIdle,
  canvasNodes,
  canvasSettled,
  consoleProblems,
  explorerSession,
  screenshot,
} from "../support/browser.js";

const session = explorerSession();
const open = session.open;
/** Uncaught exceptions on the page (watched with its console by explorerSession). */
const pageErrors = (page: Page) => consoleProblems(page).filter((problem) => problem.startsWith("uncaught: "));

describe("the explorer", () => {
  test("when it opens, then the who-met-whom overview, the legend with counts and no errors are shown", async () => {
    const page = await open();
    await canvasSettled(page);
    const nodes = await canvasNodes(page);
    expect(nodes.length).toBeGreaterThan(1);
    expect(nodes.every((node) => node.type === "Actor")).toBe(true);
    await expect(page.locator(".legend").first().textContent()).resolves.toMatch(/Actor\s*\d+ \/ \d+/);
    await screenshot(page, "01-overview");
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  test("when a person is searched by part of a name, selected and expanded, then their neighbourhood grows beside them", async () => {
    const page = await open();
    await canvasSettled(page);
    const search = page.getByRole("searchbox", { name: "Search" });
    await search.fill("lavr");
    const option = page.getByRole("option", { name: /Sergey Lavrov/ });
    await option.first().waitFor();
    // Keyboard selection: arrows move the active option, Enter picks it.
    const options = await page.getByRole("option").allInnerTexts();
    const index = options.findIndex((text) => text.includes("Sergey Lavrov"));
    for (let step = 0; step < index; step++) await search.press("ArrowDown");
    await search.press("Enter");
    await page.waitForURL(/focus=actor%3Asergey-lavrov/);
    await canvasSettled(page);
    await expect(page.locator(".details-title").textContent()).resolves.toBe("Sergey Lavrov");

    const before = await canvasNodes(page);
    const event = before.find((node) => node.type === "Event");
    expect(event).toBeDefined();
    if (!event) return;
    const box = await page.locator("#canvas").boundingBox();
    await page.mouse.dblclick((box?.x ?? 0) + event.renderedX, (box?.y ?? 0) + event.renderedY);
    await page.waitForFunction((count) => {
      const { cy } = (window as unknown as { liaison: { cy: import("cytoscape").Core } }).liaison;
      return cy.nodes().length > count;
    }, before.length);
    await appIdle(page);
    const after = await canvasNodes(page);
    // Nodes already there keep their place; new ones sit near the expanded node.
    for (const node of before) {
      const same = after.find((other) => other.id === node.id);
      expect(same?.x).toBeCloseTo(node.x, 0);
      expect(same?.y).toBeCloseTo(node.y, 0);
    }
    const parent = after.find((node) => node.id === event.id);
    const fresh = after.filter((node) => !before.some((old) => old.id === node.id));
    expect(fresh.length).toBeGreaterThan(0);
    const spread = Math.max(...before.map((node) => Math.hypot(node.x - (parent?.x ?? 0), node.y - (parent?.y ?? 0))));
    for (const node of fresh) {
      expect(Math.hypot(node.x - (parent?.x ?? 0), node.y - (parent?.y ?? 0))).toBeLessThan(Math.max(spread, 400) * 2);
    }
    await expect(page.locator(".details-title").textContent()).resolves.toContain(
      (await page.evaluate(
        (id) =>
          (window as unknown as { liaison: { cy: import("cytoscape").Core } }).liaison.cy
            .getElementById(id)
            .data("label"),
        event.id,
      )) as string,
    );
    await screenshot(page, "02-search-select-expand");
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  test("when a claim is opened, then the quoted passage is highlighted in its paragraph with the source's author", async () => {
    const page = await open();
    await canvasSettled(page);
    const search = page.getByRole("searchbox", { name: "Search" });
    await search.fill("met 18 times");
    const option = page.getByRole("option").filter({ hasText: "Claim" }).first();
    await option.waitFor();
    await option.click();
    await page.waitForURL(/focus=claim%3A/);
    const quote = page.locator(".evidence mark.quote").first();
    await quote.waitFor();
    await expect(quote.textContent()).resolves.toMatch(/met 18 times/);
    // The passage sits inside its paragraph: the sentence before it is shown around the highlight.
    const paragraph = (await page.locator(".evidence .quote-text").first().textContent()) ?? "";
    const exact = (await quote.textContent()) ?? "";
    expect(paragraph).toContain(exact);
    expect(paragraph).toMatch(/foreign ministers met or communicated almost monthly/);
    await expect(page.locator(".evidence .source-author").first().textContent()).resolves.toMatch(/Rahul Pandey/);
    await screenshot(page, "03-claim-provenance");
    await page.close();
  });

  test("when Wang Yi is picked in the meetings view, then Sergey Lavrov, 18 meetings, the four forums and the source are listed", async () => {
    const page = await open();
    await page.getByRole("button", { name: "Who met whom" }).first().click();
    const actor = page.getByRole("combobox", { name: "Actor" });
    await actor.fill("wang");
    await page
      .getByRole("option", { name: /Wang Yi/ })
      .first()
      .waitFor();
    await actor.press("Enter");
    const lavrov = page.locator('.counterpart[data-actor="actor:sergey-lavrov"]');
    await lavrov.waitFor();
    const text = (await lavrov.textContent()) ?? "";
    expect(text).toMatch(/Sergey Lavrov/);
    expect(text).toMatch(/18 meetings/);
    for (const forum of ["G20", "BRICS", "Shanghai Cooperation Organisation", "United Nations"])
      expect(text).toContain(forum);
    expect(text).toMatch(/Says: Rahul Pandey/);
    await screenshot(page, "04-meetings-wang-yi");

    // The pair: Lavrov as the second actor gives the small timeline.
    await lavrov.getByRole("button", { name: "Sergey Lavrov" }).click();
    await page.waitForURL(/with=actor%3Asergey-lavrov/);
    await page.locator(".timeline svg").waitFor();
    await screenshot(page, "05-meetings-pair");

    // A copied link reproduces the view.
    const copied = page.url();
    const again = await open(new URL(copied).pathname + new URL(copied).search);
    await again.locator('.counterpart[data-actor="actor:sergey-lavrov"] .timeline').waitFor();
    await expect(again.locator("#panel-title").textContent()).resolves.toBe("Who met whom");
    await expect(again.getByRole("combobox", { name: "Actor" }).inputValue()).resolves.toBe("Wang Yi");
    await again.close();
    await page.close();
  });

  test("when the time range is narrowed, then events outside it are hidden and those inside stay", async () => {
    const page = await open("/?focus=actor%3Avladimir-putin");
    await canvasSettled(page);
    const dated = (await canvasNodes(page)).filter((node) => node.type === "Event" && node.dateStart);
    expect(dated.length).toBeGreaterThan(1);
    expect(dated.every((node) => !node.hidden)).toBe(true);
    // Move "To" back to the month before the latest event starts.
    const latest =
      dated
        .map((node) => node.dateStart ?? "")
        .sort()
        .at(-1) ?? "";
    // Step "To" back with the keyboard, stop by stop, until the latest event lies after it.
    await page.locator("#range-to").focus();
    let to = "";
    for (let step = 0; step < 20 && !(to && `${to}-31` < latest); step++) {
      await page.keyboard.press("ArrowLeft");
      to = new URL(page.url()).searchParams.get("to") ?? "";
    }
    expect(to).toMatch(/^\d{4}-\d{2}$/);
    const after = (await canvasNodes(page)).filter((node) => node.type === "Event" && node.dateStart);
    const outside = after.filter((node) => (node.dateStart ?? "") > `${to}-31`);
    expect(outside.length).toBeGreaterThan(0);
    for (const node of after) expect(node.hidden).toBe((node.dateStart ?? "") > `${to}-31`);
    await screenshot(page, "06-time-range");
    await page.close();
  });

  test("when the From slider is stepped with the keyboard, then a few steps cross decades without data", async () => {
    const page = await open();
    await canvasSettled(page);
    // The steps are the months in which something dated begins or ends (loaded after the schema).
    await page.waitForFunction(() => Number(document.querySelector<HTMLInputElement>("#range-from")?.max) < 200);
    await page.locator("#range-from").focus();
    let from = "";
    for (let step = 0; step < 12 && from < "2022"; step++) {
      await page.keyboard.press("ArrowRight");
      from = new URL(page.url()).searchParams.get("from") ?? "";
    }
    expect(from >= "2022").toBe(true);
    await expect(page.locator(".range-text").textContent()).resolves.toMatch(/^\w{3} 20\d\d – Dec 2025$/);
    await page.close();
  });

  test("when the console runs a read, then rows are shown; when it is given a write, then the refusal is shown", async () => {
    const page = await open("/?panel=console");
    const editor = page.locator("#console-editor .cm-content");
    await editor.waitFor();
    const type = async (query: string) => {
      await editor.click();
      await page.keyboard.press("ControlOrMeta+a");
      await page.keyboard.press("Delete");
      await page.keyboard.type(query);
      await page.keyboard.press("Escape");
    };
    await type("MATCH (a:Actor) RETURN a.name AS name ORDER BY name LIMIT 5");
    await page.keyboard.press("Control+Enter");
    await page.locator(".result table tbody tr").first().waitFor();
    await expect(page.locator(".result table tbody tr").count()).resolves.toBe(5);
    await expect(page.locator(".result th").textContent()).resolves.toBe("name");
    await screenshot(page, "07-console-rows");

    // Nodes and relationships: on the canvas, and read in the table by name rather than by id.
    await type("MATCH (a:Actor {name: 'Wang Yi'})-[r:PARTICIPATED_IN]->(e:Event) RETURN a, r, e");
    await page.keyboard.press("Control+Enter");
    await page.locator(".result td", { hasText: "—PARTICIPATED_IN→" }).first().waitFor();
    await expect(page.locator(".result td").nth(1).textContent()).resolves.toMatch(/^Wang Yi —PARTICIPATED_IN→ \S/);
    await page.waitForFunction(() =>
      (window as unknown as { liaison: { cy: import("cytoscape").Core } }).liaison.cy
        .getElementById("event:wang-yi-lavrov-meetings")
        .nonempty(),
    );

    // A syntax error says where it is.
    await type("MATCH (a:Actor) RETRUN a");
    await page.keyboard.press("Control+Enter");
    const syntax = page.locator(".console-error").filter({ hasText: "line 1, column 17" });
    await syntax.waitFor();
    await expect(syntax.textContent()).resolves.not.toMatch(/\/api\//);

    await type("CREATE (x:Actor {name: 'Nobody'}) RETURN x");
    await page.getByRole("button", { name: /^Run/ }).click();
    const refusal = page.locator('.console-error[data-code="READ_ONLY"]');
    await refusal.waitFor();
    await expect(refusal.textContent()).resolves.toMatch(/read-only/i);
    await expect(refusal.textContent()).resolves.not.toMatch(/POST \/api/);
    await screenshot(page, "08-console-refusal");
    await page.close();
  });

  test("when a link with focus, selection, filters and panel is opened, then the same view appears", async () => {
    const page = await open("/?focus=actor%3Awang-yi&sel=actor%3Awang-yi&panel=details&hide=Passage");
    await canvasSettled(page);
    await expect(page.locator(".details-title").textContent()).resolves.toBe("Wang Yi");
    const nodes = await canvasNodes(page);
    expect(nodes.some((node) => node.type === "Passage")).toBe(true);
    for (const node of nodes) expect(node.hidden).toBe(node.type === "Passage");
    await expect(page.getByRole("checkbox", { name: /Passage/ }).isChecked()).resolves.toBe(false);
    // Back and forward walk the history of views.
    await page.getByRole("checkbox", { name: /Claim/ }).click();
    await page.waitForURL(/hide=Claim%2CPassage/);
    await page.goBack();
    await page.waitForURL((url) => url.searchParams.get("hide") === "Passage");
    await expect(page.getByRole("checkbox", { name: /Claim/ }).isChecked()).resolves.toBe(true);
    await page.close();
  });

  test("when the viewport is 390 px wide, then search, the canvas and the details panel still work", async () => {
    const page = await open("/?focus=actor%3Awang-yi&sel=actor%3Awang-yi&panel=details", { width: 390, height: 844 });
    await canvasSettled(page);
    await expect(page.getByRole("searchbox", { name: "Search" }).isVisible()).resolves.toBe(true);
    await expect(page.locator(".details-title").isVisible()).resolves.toBe(true);
    const canvas = await page.locator("#canvas").boundingBox();
    expect(canvas?.width).toBeGreaterThan(300);
    expect(canvas?.height).toBeGreaterThan(250);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await screenshot(page, "09-phone");
    // The panel is a bottom sheet that folds down to its header, and the graph takes the screen.
    const fold = page.getByRole("button", { name: "Panel contents" });
    await expect(fold.getAttribute("aria-expanded")).resolves.toBe("true");
    await fold.click();
    await expect(fold.getAttribute("aria-expanded")).resolves.toBe("false");
    await expect(page.locator(".details-title").isVisible()).resolves.toBe(false);
    await expect(page.locator("#panel-title").isVisible()).resolves.toBe(true);
    await appIdle(page);
    const folded = await page.locator("#canvas").boundingBox();
    expect(folded?.height).toBeGreaterThan(500);
    const cyHeight = await page.evaluate(() =>
      (window as unknown as { liaison: { cy: import("cytoscape").Core } }).liaison.cy.height(),
    );
    expect(cyHeight).toBeGreaterThan(500);
    // The selected node is still on the enlarged canvas.
    const wang = (await canvasNodes(page)).find((node) => node.id === "actor:wang-yi");
    expect(wang?.renderedY).toBeGreaterThan(0);
    expect(wang?.renderedY).toBeLessThan(cyHeight);
    await screenshot(page, "09b-phone-panel-folded");
    // Asking for a panel unfolds it again.
    await page.getByRole("button", { name: "Who met whom" }).first().click();
    await expect(fold.getAttribute("aria-expanded")).resolves.toBe("true");
    await page.getByRole("button", { name: "Details" }).first().click();
    await page.locator(".details-title").waitFor();
    // The legend is a drawer behind a button.
    const closed = await page.locator("#sidebar").boundingBox();
    expect((closed?.x ?? 0) + (closed?.width ?? 0)).toBeLessThanOrEqual(0);
    await page.getByRole("button", { name: "Legend and filters" }).click();
    await appIdle(page);
    const sidebar = await page.locator("#sidebar").boundingBox();
    expect(sidebar?.x).toBeGreaterThanOrEqual(0);
    await screenshot(page, "10-phone-legend");
    await page.close();
  });
});
