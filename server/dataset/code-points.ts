/** String order by code point, as Cypher compares strings: the bulk load's derived data sorts ids this way. */

/**
 * Orders strings by code point, as Cypher does (JavaScript's `<` compares UTF-16 units, which
 * puts characters above U+FFFF before U+E000–U+FFFF).
 * @example ["b", "a"].sort(compareCodePoints) // ["a", "b"]
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xHigh = x >= 0xd800 && x <= 0xdfff;
    const yHigh = y >= 0xd800 && y <= 0xdfff;
    if (xHigh !== yHigh) return xHigh ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}
