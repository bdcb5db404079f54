/** How deeply a JSON value nests, counted without recursion so that a hostile value cannot overflow the check's own stack. */

/**
 * How deep a parsed JSON value nests (a scalar is 0, `[1]` is 1), stopping once past `limit`.
 * @example jsonDepth({ a: [1, { b: 2 }] }) === 3
 */
export function jsonDepth(value: unknown, limit = Number.POSITIVE_INFINITY): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (current === null || typeof current !== "object") continue;
    deepest = Math.max(deepest, depth);
    if (deepest > limit) return deepest;
    for (const child of Array.isArray(current) ? current : Object.values(current)) {
      if (child !== null && typeof child === "object") stack.push([child, depth + 1]);
    }
  }
  return deepest;
}
