/** The columns a Cypher file returns, read from its last top-level RETURN with the console's lexer (strings and comments cannot fool it). */
import { keyword, lexCypher, type Token } from "../../server/console/cypher-lexer.js";

/** Clauses that end a RETURN's items. */
const AFTER_RETURN = new Set(["ORDER", "SKIP", "OFFSET", "LIMIT", "UNION"]);

/** A column's name as written: a word, or an escaped name without its backticks. */
const nameOf = (token: Token | undefined) =>
  token?.kind === "name" ? token.text.slice(1, -1).replaceAll("``", "`") : (token?.text ?? "");

/**
 * The column names of the query's result: the aliases (or bare variables) of its last RETURN
 * outside any brackets or subquery; [] when it has none (a procedure call that yields nothing).
 * @example returnColumns("MATCH (n) RETURN n AS node, count(*) AS c ORDER BY c") // ["node", "c"]
 */
export function returnColumns(text: string): string[] {
  const { tokens } = lexCypher(text);
  let depth = 0;
  let start = -1;
  tokens.forEach((token, index) => {
    if (token.kind === "open") depth++;
    else if (token.kind === "close") depth--;
    else if (depth === 0 && keyword(token) === "RETURN") start = index + 1;
  });
  if (start < 0) return [];
  if (keyword(tokens[start]) === "DISTINCT") start++;
  const items: Token[][] = [[]];
  depth = 0;
  for (const token of tokens.slice(start)) {
    if (depth === 0 && AFTER_RETURN.has(keyword(token))) break;
    if (token.kind === "open") depth++;
    if (token.kind === "close") depth--;
    if (depth === 0 && token.kind === "comma") items.push([]);
    else items.at(-1)?.push(token);
  }
  return items.map((item) => {
    let level = 0;
    let as = -1;
    item.forEach((token, index) => {
      if (token.kind === "open") level++;
      else if (token.kind === "close") level--;
      else if (level === 0 && keyword(token) === "AS") as = index;
    });
    if (as >= 0) return nameOf(item[as + 1]);
    if (item.length === 1) return nameOf(item[0]);
    throw new Error(`a RETURN item without an alias: ${item.map((token) => token.text).join(" ")}`);
  });
}
