/** Bounds the console's JSON parameters before they reach Neo4j: how deeply lists and maps nest. */

/**
 * Neo4j 5.26 answered a parameter nested 1,000 lists deep and never answered one 3,000 deep
 * (the Bolt connection stays held); the app turns nested values back into JSON recursively too.
 * Analysts pass ids, names and short lists: 32 levels is far more than they need and far below
 * where anything strains.
 */
export const MAX_PARAM_DEPTH = 32;

/**
 * How deeply `value` nests lists and objects (a scalar is 0, `[1]` is 1), counted without
 * recursion so that a hostile value cannot overflow this check's own stack. Stops counting past `limit`.
 * @example paramDepth({ ids: ["a", "b"] }, 32) === 2
 */
export function paramDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (current === null || typeof current !== "object") continue;
    const level = depth + 1;
    deepest = Math.max(deepest, level);
    if (level > limit) return level;
    for (const child of Array.isArray(current) ? current : Object.values(current)) stack.push([child, level]);
  }
  return deepest;
}
