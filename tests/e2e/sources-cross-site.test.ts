import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { launchBrowser, type TestBrowser } from "../support/browser.js";

/**
 * Another site, as a browser sees it: served on `localhost` while the app is on 127.0.0.1, so the
 * browser treats it as cross-site. Each page tries to write a draft into the app the way an
 * attacker's page could.
 */
const appUrl = () => inject("appUrl");
const TEXT = "Forged: Minister Qarvel Ostrin met nobody.";
let attacker: http.Server;
let attackerUrl = "";
let browser: TestBrowser;

function attackerPages(target: string): Record<string, string> {
  const drafts = `${target}/api/sources/drafts`;
  const autoSubmit = (form: string) =>
    `<!doctype html><html lang="en"><body>${form}<script>document.forms[0].submit();</script></body></html>`;
  return {
    "/urlencoded": autoSubmit(`<form method="post" action="${drafts}"><input name="text" value="${TEXT}"></form>`),
    "/multipart": autoSubmit(
      `<form method="post" enctype="multipart/form-data" action="${drafts}"><input name="text" value="${TEXT}"></form>`,
    ),
    // The classic trick to send JSON from a form: a text/plain body that parses as JSON.
    "/text-plain": autoSubmit(
      `<form method="post" enctype="text/plain" action="${drafts}"><input name='{"text":"${TEXT}","x":"' value='"}'></form>`,
    ),
    "/scripts": `<!doctype html><html lang="en"><body><script>
      window.results = {};
      window.done = Promise.all([
        fetch(${JSON.stringify(drafts)}, { method: "POST", mode: "no-cors", headers: { "content-type": "text/plain" }, body: JSON.stringify({ text: ${JSON.stringify(TEXT)} }) })
          .then(() => { results.noCors = "sent"; }, () => { results.noCors = "failed"; }),
        fetch(${JSON.stringify(drafts)}, { method: "POST", headers: { "content-type": "application/json", "x-liaison-write": "1" }, body: JSON.stringify({ text: ${JSON.stringify(TEXT)} }) })
          .then((r) => { results.withHeader = r.status; }, () => { results.withHeader = "blocked"; }),
        fetch(${JSON.stringify(`${drafts}/draft:00000000-0000-0000-0000-000000000000`)}, { method: "DELETE", mode: "no-cors" })
          .then(() => { results.deleteNoCors = "sent"; }, () => { results.deleteNoCors = "failed"; }),
      ]);
    </script></body></html>`,
  };
}

async function draftTotal(): Promise<number> {
  const response = await fetch(`${appUrl()}/api/sources/drafts?limit=1`);
  return Number(((await response.json()) as { total: number }).total);
}

beforeAll(async () => {
  const pages = attackerPages(appUrl());
  attacker = http.createServer((req, res) => {
    const page = pages[req.url ?? ""];
    res.writeHead(page ? 200 : 404, { "content-type": "text/html; charset=utf-8" });
    res.end(page ?? "");
  });
  await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
  attackerUrl = `http://localhost:${(attacker.address() as AddressInfo).port}`;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  attacker?.close();
});

describe("POST /api/sources/drafts from a page of another site, in Chromium", () => {
  test.each(["/urlencoded", "/multipart", "/text-plain"])(
    "when another site's page submits a form (%s) to the app, then the app answers 403 CROSS_SITE_REQUEST and no draft is written",
    async (path) => {
      const before = await draftTotal();
      const page = await browser.newPage();
      const answered = page.waitForResponse((response) => response.url().endsWith("/api/sources/drafts"));
      await page.goto(`${attackerUrl}${path}`);
      const response = await answered;
      expect(response.status()).toBe(403);
      expect(await response.json()).toMatchObject({ error: { code: "CROSS_SITE_REQUEST" } });
      expect(await draftTotal()).toBe(before);
      await page.close();
    },
  );

  test("when another site's script posts without CORS or with the write header, then nothing is written: the first is refused, the second never leaves the browser", async () => {
    const before = await draftTotal();
    const page = await browser.newPage();
    await page.goto(`${attackerUrl}/scripts`);
    await page.evaluate(() => (window as unknown as { done: Promise<unknown> }).done);
    const results = await page.evaluate(() => (window as unknown as { results: Record<string, unknown> }).results);
    // The preflight of the request with a custom header gets no CORS permission: fetch fails.
    expect(results.withHeader).toBe("blocked");
    // Without CORS the browser lets a POST go but hides the answer (helmet's Cross-Origin-Resource-Policy
    // even turns it into a failure) and refuses a DELETE outright; what counts is that nothing was written.
    expect(results).toMatchObject({ noCors: "failed", deleteNoCors: "failed" });
    expect(await draftTotal()).toBe(before);
    await page.close();
  });

  test("when the app's own page writes with the header, then the local user's draft is stored", async () => {
    const before = await draftTotal();
    const page = await browser.newPage();
    await page.goto(`${appUrl()}/api/health`);
    const created = await page.evaluate(async (text) => {
      const response = await fetch("/api/sources/drafts", {
        method: "POST",
        headers: { "content-type": "application/json", "x-liaison-write": "1" },
        body: JSON.stringify({ text }),
      });
      return { status: response.status, body: (await response.json()) as { id: string; createdBy: string } };
    }, "Minister Qarvel Ostrin met envoy Lune Farrow in Bishkek.");
    expect(created.status).toBe(200);
    expect(created.body.createdBy).toBe("local");
    expect(await draftTotal()).toBe(before + 1);
    const deleted = await page.evaluate(async (id) => {
      const response = await fetch(`/api/sources/drafts/${encodeURIComponent(id)}`, {
        method: "DELETE",
        headers: { "x-liaison-write": "1" },
      });
      return response.status;
    }, created.body.id);
    expect(deleted).toBe(200);
    await page.close();
  });
});
