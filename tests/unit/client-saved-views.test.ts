import { describe, expect, test } from "vitest";
import { parseViewFile, type SavedView, ViewFileError, ViewStore, viewFile } from "../../client/views/saved-views.js";

const view = (name: string): SavedView => ({
  name,
  savedAt: "2025-05-09T10:00:00.000Z",
  state: "?focus=actor%3Awang-yi&hide=Passage",
  nodes: [{ data: { id: "actor:wang-yi", type: "Actor", label: "Wang Yi" }, position: { x: 1, y: 2 } }],
  edges: [],
});

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

describe("client saved views", () => {
  test("when views are saved under names, then the newest comes first and a name saved twice is replaced", () => {
    const store = new ViewStore(memoryStorage());
    store.save(view("a"));
    store.save(view("b"));
    store.save({ ...view("a"), state: "?focus=forum%3Asco" });
    expect(store.list().map((v) => v.name)).toEqual(["a", "b"]);
    expect(store.list()[0]?.state).toBe("?focus=forum%3Asco");
    store.remove("b");
    expect(store.list().map((v) => v.name)).toEqual(["a"]);
  });

  test("when a view file is exported and imported elsewhere, then the same views arrive", () => {
    const text = JSON.stringify(viewFile([view("x"), view("y")]));
    const other = new ViewStore(memoryStorage());
    expect(other.importFile(text)).toBe(2);
    expect(other.list().map((v) => v.name)).toEqual(["x", "y"]);
    expect(other.list()[0]?.nodes[0]?.position).toEqual({ x: 1, y: 2 });
  });

  test("when a file is not a view file, then a ViewFileError says why", () => {
    expect(() => parseViewFile("not json")).toThrow(ViewFileError);
    expect(() => parseViewFile('{"format":"other"}')).toThrow(ViewFileError);
    expect(() =>
      parseViewFile('{"format":"liaison-views","version":1,"views":[{"name":"n","nodes":[{}],"edges":[]}]}'),
    ).toThrow(ViewFileError);
  });
});
