/**
 * The explorer's first view in headless Chromium (playwright-core, the system's Chromium): from
 * navigation to the canvas drawn and the app at rest (`window.liaison.idle()`, client/state/idle.ts),
 * read from the page's own clock, whose zero is the navigation's start.
 */
import { chromium } from "playwright-core";
import { loadAverage } from "./machine.js";
import { percentile, round } from "./stats.js";

export const CHROMIUM = process.env.LIAISON_CHROMIUM ?? "/usr/bin/chromium";

export interface FirstViewFigures {
  runs: number;
  /** ms from navigation to drawn and at rest, each run. */
  ms: number[];
  medianMs: number;
  /** Nodes on the canvas at rest (the last run). */
  nodes: number;
  chromium: string;
  loadAverage: { start: number[]; end: number[] };
}

interface PageLiaison {
  liaison?: { cy: { nodes(): { length: number } }; idle(): Promise<void> };
}

/** Opens `url` in a fresh tab `runs` times (one browser context: its cache is warm after the first). */
export async function measureFirstView(url: string, runs: number): Promise<FirstViewFigures> {
  const start = loadAverage();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const ms: number[] = [];
    let nodes = 0;
    for (let i = 0; i < runs; i++) {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: "commit" });
      await page.waitForFunction(() => ((globalThis as PageLiaison).liaison?.cy.nodes().length ?? 0) > 0, undefined, {
        timeout: 120_000,
      });
      const at = await page.evaluate(async () => {
        const { liaison } = globalThis as PageLiaison;
        await liaison?.idle();
        return { ms: performance.now(), nodes: liaison?.cy.nodes().length ?? 0 };
      });
      ms.push(round(at.ms, 0));
      nodes = at.nodes;
      await page.close();
    }
    return {
      runs,
      ms,
      medianMs: percentile(ms, 0.5),
      nodes,
      chromium: browser.version(),
      loadAverage: { start, end: loadAverage() },
    };
  } finally {
    await browser.close().catch(() => {});
  }
}
