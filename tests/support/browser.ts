/** Headless Chromium for browser tests: the system's /usr/bin/chromium driven by playwright-core, with a throw-away profile. */
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, inject } from "vitest";
import { projectRoot } from "../../server/lib/project-root.js";

const CHROMIUM = process.env.LIAISON_CHROMIUM ?? "/usr/bin/chromium";

const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface TestBrowser {
  context: BrowserContext;
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

/** Starts Chromium with a fresh profile folder (removed on close). */
export async function launchBrowser(): Promise<TestBrowser> {
  const profile = await mkdtemp(path.join(os.tmpdir(), "liaison-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1280, height: 800 },
  });
  return {
    context,
    async newPage(viewport) {
      const page = await context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      return page;
    },
    async close() {
      await context.close().catch(() => {});
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Saves a screenshot of the page under test-results/screenshots/ (git-ignored). */
export async function screenshot(page: Page, name: string): Promise<string> {
  const folder = path.join(projectRoot, "test-results", "screenshots");
  await mkdir(folder, { recursive: true });
  const file = path.join(folder, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** What the canvas holds, read from the page's Cytoscape instance (exposed as `window.liaison.cy`). */
export interface CanvasNode {
  id: string;
  type: string;
  hidden: boolean;
  x: number;
  y: number;
  renderedX: number;
  renderedY: number;
  dateStart?: string;
  dateEnd?: string;
}

export function canvasNodes(page: Page): Promise<CanvasNode[]> {
  return page.evaluate(() => {
    const { cy } = (window as unknown as { liaison: { cy: import("cytoscape").Core } }).liaison;
    return cy.nodes().map((node) => ({
      id: node.id(),
      type: String(node.data("type")),
      hidden: node.hasClass("hidden"),
      x: node.position().x,
      y: node.position().y,
      renderedX: node.renderedPosition().x,
      renderedY: node.renderedPosition().y,
      dateStart: node.data("dateStart") as string | undefined,
      dateEnd: node.data("dateEnd") as string | undefined,
    }));
  });
}

/**
 * Waits until the app is at rest: no request in flight or about to be sent, no layout, glide or CSS transition
 * running, for two frames in a row (`window.liaison.idle()`, client/state/idle.ts). Tests wait on this, never on the
 * clock: a slow machine only waits longer.
 */
export async function appIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => Boolean((window as unknown as { liaison?: unknown }).liaison));
  await page.evaluate(() => (window as unknown as { liaison: { idle(): Promise<void> } }).liaison.idle());
}

/** Waits until the canvas holds at least one node and the app is at rest (see appIdle). */
export async function canvasSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const liaison = (window as unknown as { liaison?: { cy: import("cytoscape").Core } }).liaison;
    return Boolean(liaison && liaison.cy.nodes().length > 0);
  });
  await appIdle(page);
}

const watched = new WeakMap<Page, string[]>();

/**
 * Starts recording the page's console warnings and errors (Cytoscape's "Edge … has invalid endpoints" among them) and
 * uncaught exceptions. A failed request is the test's business, not the page's, so the browser's own
 * "Failed to load resource" lines are left out.
 */
function watchConsole(page: Page): void {
  const problems: string[] = [];
  watched.set(page, problems);
  page.on("console", (message) => {
    if (message.type() !== "warning" && message.type() !== "error") return;
    if (message.text().startsWith("Failed to load resource")) return;
    problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
}

/** What watchConsole has recorded so far on this page. */
export function consoleProblems(page: Page): string[] {
  return watched.get(page) ?? [];
}

export interface ExplorerSession {
  /** The file's Chromium (for a page outside the explorer's checks, e.g. a colleague's fresh browser). */
  browser(): TestBrowser;
  /** Opens the app at `path` in a new page whose console is watched. */
  open(path?: string, viewport?: { width: number; height: number }): Promise<Page>;
}

/**
 * For an e2e file: one Chromium for the whole file, and every journey must end with a clean browser
 * console (no Cytoscape warnings such as an edge it cannot draw, no errors, no uncaught exceptions).
 * Call it at the top level of the file.
 */
export function explorerSession(): ExplorerSession {
  let browser: TestBrowser | undefined;
  let pages: Page[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(() => {
    const problems = pages.flatMap((page) => consoleProblems(page));
    pages = [];
    expect(problems).toEqual([]);
  });
  const started = () => {
    if (!browser) throw new Error("explorerSession: the browser starts in beforeAll; open pages inside tests.");
    return browser;
  };
  return {
    browser: started,
    async open(path = "/", viewport) {
      const page = await started().newPage(viewport);
      watchConsole(page);
      pages.push(page);
      await page.goto(inject("appUrl") + path);
      return page;
    },
  };
}
