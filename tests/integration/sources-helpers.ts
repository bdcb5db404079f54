/** Shared by the api-sources*.test.ts files: requests that bring a source in, and a count of the drafts in Neo4j. */
import { readFileSync } from "node:fs";
import type { Driver } from "neo4j-driver";
import { fromRoot } from "../../server/lib/project-root.js";
import { readRows } from "../support/neo4j.js";

/** The header every write carries (server/http/write-guard.ts). */
const WRITE = { "x-liaison-write": "1" };

interface JsonResponse {
  status: number;
  body: Record<string, unknown> & { error?: { code: string; message: string; details?: unknown } };
}

async function asJson(response: Response): Promise<JsonResponse> {
  const text = await response.text();
  let body: JsonResponse["body"];
  try {
    body = JSON.parse(text);
  } catch {
    body = { raw: text };
  }
  return { status: response.status, body };
}

/** POST /api/sources/drafts with a JSON body, as the app's own page would send it. */
export function postDraft(baseUrl: string, body: unknown, headers: Record<string, string> = WRITE) {
  return fetch(`${baseUrl}/api/sources/drafts`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  }).then(asJson);
}

/** POST /api/sources/drafts with a file in a multipart form (and other form fields). */
export function uploadDraft(
  baseUrl: string,
  file: { name: string; bytes: Uint8Array; type?: string },
  fields: Record<string, string> = {},
  headers: Record<string, string> = WRITE,
) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  form.append(
    "file",
    new Blob([new Uint8Array(file.bytes)], { type: file.type ?? "application/octet-stream" }),
    file.name,
  );
  return fetch(`${baseUrl}/api/sources/drafts`, { method: "POST", headers, body: form }).then(asJson);
}

export function getJson(baseUrl: string, path: string) {
  return fetch(`${baseUrl}${path}`).then(asJson);
}

export function patchDraft(baseUrl: string, id: string, body: unknown, headers: Record<string, string> = WRITE) {
  return fetch(`${baseUrl}/api/sources/drafts/${encodeURIComponent(id)}`, {
    method: "PATCH",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  }).then(asJson);
}

export function deleteDraftRequest(baseUrl: string, id: string, headers: Record<string, string> = WRITE) {
  return fetch(`${baseUrl}/api/sources/drafts/${encodeURIComponent(id)}`, { method: "DELETE", headers }).then(asJson);
}

/** How many Draft nodes Neo4j holds: "nothing written" means this did not change. */
export async function draftCount(driver: Driver): Promise<number> {
  const rows = await readRows(driver, "MATCH (d:Draft) RETURN count(d) AS n");
  return Number(rows[0]?.n);
}

/** A fixture file under tests/fixtures/sources/. */
export function fixture(name: string): Buffer {
  return readFileSync(fromRoot("tests", "fixtures", "sources", name));
}
