import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { canvasSettled, launchBrowser, screenshot, type TestBrowser } from "../support/browser.js";

let browser: TestBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * Responsiveness at 5,000 elements: timings are printed for the report, never asserted (machines differ);
 * what is asserted is that the canvas holds them, switches to its large-graph mode and still answers selection.
 */
describe("the canvas with 5,000 elements", () => {
  test("when 2,500 nodes and 2,500 edges are loaded, then the canvas draws them and selection still works", async () => {
    const page = await browser.newPage();
    await page.goto(inject("appUrl"));
    await canvasSettled(page);
    const figures = await page.evaluate(async () => {
      type Liaison = {
        cy: import("cytoscape").Core;
        app: { canvas: { replace(e: unknown, o: object): void }; select(id: string): void };
      };
      const { cy, app } = (window as unknown as { liaison: Liaison }).liaison;
      const types = ["Actor", "Forum", "Event", "Claim", "Source", "Passage"];
      const nodes = Array.from({ length: 2_500 }, (_, i) => ({
        data: { id: `n${i}`, type: types[i % 6], label: `Node ${i}` },
      }));
      const edges = Array.from({ length: 2_500 }, (_, i) => ({
        data: { id: `e${i}`, source: `n${i}`, target: `n${(i * 7 + 1) % 2_500}`, type: "ABOUT" },
      }));
      const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
      let start = performance.now();
      app.canvas.replace({ nodes, edges }, { layout: false });
      cy.layout({ name: "grid" }).run();
      await frame();
      await frame();
      const loadMs = performance.now() - start;
      // Pan in 30 steps, one per frame, and record each frame's time.
      const frames: number[] = [];
      let last = await frame();
      for (let step = 0; step < 30; step++) {
        cy.panBy({ x: 15, y: 10 });
        const now = await frame();
        frames.push(now - last);
        last = now;
      }
      start = performance.now();
      app.select("n42");
      await frame();
      const selectMs = performance.now() - start;
      const renderer = (cy as unknown as { renderer(): { hideEdgesOnViewport: boolean } }).renderer();
      frames.sort((a, b) => a - b);
      return {
        elements: cy.elements().length,
        largeMode: renderer.hideEdgesOnViewport,
        selected: cy.getElementById("n42").hasClass("selected"),
        faded: cy.elements(".faded").length,
        loadMs: Math.round(loadMs),
        medianFrameMs: Math.round(frames[Math.floor(frames.length / 2)] ?? 0),
        worstFrameMs: Math.round(frames[frames.length - 1] ?? 0),
        selectMs: Math.round(selectMs),
      };
    });
    console.log(`5,000 elements: ${JSON.stringify(figures)}`);
    expect(figures.elements).toBe(5_000);
    expect(figures.largeMode).toBe(true);
    expect(figures.selected).toBe(true);
    expect(figures.faded).toBeGreaterThan(4_000);
    await screenshot(page, "11-five-thousand-elements");
    await page.close();
  });
});
