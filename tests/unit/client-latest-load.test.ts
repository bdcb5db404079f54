import { describe, expect, test } from "vitest";
import { LatestLoad } from "../../client/ui/latest-load.js";

/** A request whose answer the test releases when it wants. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

describe("LatestLoad", () => {
  test("when an older request answers after a newer one started, then its answer is dropped", async () => {
    const load = new LatestLoad<string>();
    const older = deferred<string>();
    const newer = deferred<string>();
    const first = load.load("a", () => older.promise);
    const second = load.load("b", () => newer.promise);
    expect(load).toMatchObject({ key: "b", loading: true, error: "" });
    newer.resolve("answer b");
    older.resolve("answer a");
    expect(await second).toBe("answer b");
    expect(await first).toBeUndefined();
    expect(load).toMatchObject({ value: "answer b", loading: false });
  });

  test("when the newest request fails, then the answer is cleared and the error is readable", async () => {
    const load = new LatestLoad<string>();
    await load.load("a", async () => "fine");
    expect(await load.load("b", () => Promise.reject(new Error("Neo4j is unreachable")))).toBeUndefined();
    expect(load.value).toBeUndefined();
    expect(load.error).toContain("Neo4j is unreachable");
    expect(load.loading).toBe(false);
  });

  test("when reset, then the same key is asked for again", async () => {
    const load = new LatestLoad<string>();
    await load.load("a", async () => "fine");
    load.reset();
    expect(load).toMatchObject({ key: "", value: undefined });
  });
});
