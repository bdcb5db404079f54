import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { fromRoot } from "../../server/lib/project-root.js";

/**
 * The standard built-ins every response goes through. A dependency that replaces one (pdf.js's
 * legacy build brings core-js polyfills of JSON.stringify, JSON.parse and Array.prototype.push)
 * slows the whole server down; core-js even makes its functions print as "[native code]", so
 * only their identity tells.
 */
const OWNERS: Record<string, object> = {
  JSON,
  Object,
  "Object.prototype": Object.prototype,
  Array,
  "Array.prototype": Array.prototype,
  "String.prototype": String.prototype,
  "Map.prototype": Map.prototype,
  "Set.prototype": Set.prototype,
  Promise,
  "Promise.prototype": Promise.prototype,
  Math,
  Number,
  Reflect,
  "Function.prototype": Function.prototype,
  "TypedArray.prototype": Object.getPrototypeOf(Uint8Array.prototype) as object,
  Buffer,
};

function builtIns(): Map<string, unknown> {
  const found = new Map<string, unknown>();
  for (const [name, owner] of Object.entries(OWNERS)) {
    for (const key of Reflect.ownKeys(owner)) {
      const descriptor = Object.getOwnPropertyDescriptor(owner, key);
      if (typeof descriptor?.value === "function") found.set(`${name}.${String(key)}`, descriptor.value);
    }
  }
  return found;
}

/** The built-ins of `before` that are no longer the same function. */
function replaced(before: Map<string, unknown>): string[] {
  const after = builtIns();
  return [...before].filter(([name, value]) => after.has(name) && after.get(name) !== value).map(([name]) => name);
}

// Loading every server module (and pdf.js in a worker) takes seconds on a busy machine.
describe("the server's standard built-ins", { timeout: 60_000 }, () => {
  // Taken before any server module is loaded (the imports below are dynamic).
  const before = builtIns();

  test("when the whole server is loaded, then no standard built-in has been replaced", async () => {
    await import("../../server/main.js");
    expect(before.get("JSON.stringify")).toBe(JSON.stringify);
    expect(replaced(before)).toEqual([]);
  });

  test("when a PDF has been read, then no standard built-in has been replaced either", async () => {
    const { fromPdf } = await import("../../server/sources/pdf.js");
    const document = await fromPdf(readFileSync(fromRoot("tests", "fixtures", "sources", "with-text.pdf")), "file");
    expect(document.text.length).toBeGreaterThan(0);
    expect(replaced(before)).toEqual([]);
  });
});
