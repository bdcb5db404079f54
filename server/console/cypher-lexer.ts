/** Reads console text the way Neo4j 5.26 does before parsing: unicode escapes replaced, then Cypher5Lexer's tokens (strings, comments, names). */

/**
 * Why this exists: the console's bounds (nesting depth, regex, range…) must see exactly the tokens
 * Neo4j's parser sees, or a crafted string or comment could hide brackets or an `=~` from them.
 * The rules below follow Neo4j 5.26's own sources, checked against the real database by
 * tests/integration/console-lexer.test.ts:
 * - `UnicodeEscapeReader` (org.neo4j.cypher.internal.ast.factory.neo4j.CypherAstLexer) replaces every
 *   `\uXXXX` whose backslash is not itself escaped, in the whole text, strings and comments included,
 *   BEFORE lexing: `RETURN \u0028 1 \u0029` is `RETURN ( 1 )`, and `'a\u0027` closes the string.
 * - Cypher5Lexer.g4: `//` comments end at `\r` or `\n` only; `/* … *\/` does not nest; strings in `'` or
 *   `"` take `\` + any one character as an escape; `` `names` `` escape a backtick by doubling it;
 *   a quote, backtick or `/*` that is never closed is one error character and lexing goes on after it.
 */

type TokenKind =
  | "word" // identifiers and keywords, unquoted
  | "name" // `escaped name`
  | "string"
  | "number"
  | "param" // $name, $`name`, $0
  | "open" // ( [ {
  | "close" // ) ] }
  | "comma"
  | "symbol"; // operators and anything else, one character each except =~

export interface Token {
  kind: TokenKind;
  /** The token's text after unicode escapes were replaced. */
  text: string;
  /** Offset in the unescaped text. */
  start: number;
}

/** The whitespace of Cypher5Lexer's SPACE rule; nothing else separates tokens. */
const SPACE = new Set(
  [
    0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004,
    0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
  ].map((code) => String.fromCharCode(code)),
);

/**
 * Letters that may start an unquoted name (LETTER), and characters that may continue one
 * (PART_LETTER). Approximated with Unicode classes: a character taken into a word here that
 * Neo4j would not take is an error character there, never a bracket, quote or operator.
 */
const WORD_START = /[\p{L}\p{Nl}_]/u;
const WORD_PART = /[\p{L}\p{Nl}\p{N}\p{Mn}\p{Mc}\p{Pc}\p{Cf}\p{Sc}_$]/u;
/** Control characters that are not whitespace continue a name too (PART_LETTER lists them). */
const isWordPart = (char: string) => WORD_PART.test(char) || (/\p{Cc}/u.test(char) && !SPACE.has(char));

export class InvalidUnicodeEscapeError extends Error {
  constructor(readonly offset: number) {
    super(`invalid unicode escape at offset ${offset}`);
  }
}

/** Java's Integer.parseInt(s, 16): an optional sign, then one or more hex digits. */
function parseJavaHex(text: string): number | undefined {
  return /^[+-]?[0-9a-fA-F]+$/.test(text) ? Number.parseInt(text, 16) : undefined;
}

/**
 * Replaces unicode escapes exactly as Neo4j's UnicodeEscapeReader does: one pass; `\u` starts an
 * escape unless the backslash follows an unescaped backslash; the next (up to) four characters are
 * parsed as Java parses hex, sign included (`\u+028` is `(`), and cut to 16 bits. Also says where
 * in the result each replaced character is.
 * @example unescapeUnicode("RETURN \\u0028 1 )").text === "RETURN ( 1 )"
 */
export function unescapeUnicode(text: string): { text: string; escapes: number[] } {
  if (!text.includes("\\u")) return { text, escapes: [] };
  let out = "";
  const escapes: number[] = [];
  let escaped = false;
  let position = 0;
  while (position < text.length) {
    let char = text.charAt(position);
    const replacement: boolean = !escaped && char === "\\" && text.charAt(position + 1) === "u";
    if (replacement) {
      const hex = text.slice(Math.min(position + 2, text.length), Math.min(position + 6, text.length));
      const value = parseJavaHex(hex);
      if (value === undefined) throw new InvalidUnicodeEscapeError(position);
      char = String.fromCharCode(value & 0xffff);
      escapes.push(out.length);
    }
    escaped = !escaped && !replacement && char === "\\";
    out += char;
    position += replacement ? 6 : 1;
  }
  return { text: out, escapes };
}

/** End (exclusive) of a quoted string starting at `start`, or -1 when it is never closed. */
function stringEnd(text: string, start: number): number {
  const quote = text.charAt(start);
  let position = start + 1;
  while (position < text.length) {
    const char = text.charAt(position);
    if (char === "\\") position += 2;
    else if (char === quote) return position + 1;
    else position += 1;
  }
  return -1;
}

/** End (exclusive) of a backtick name, or -1 when it is never closed. */
function nameEnd(text: string, start: number): number {
  let position = start + 1;
  while (position < text.length) {
    if (text.charAt(position) === "`") {
      if (text.charAt(position + 1) === "`") position += 2;
      else return position + 1;
    } else position += 1;
  }
  return -1;
}

function wordEnd(text: string, start: number): number {
  let position = start;
  while (position < text.length) {
    const codePoint = text.codePointAt(position) ?? 0;
    const char = String.fromCodePoint(codePoint);
    if (!isWordPart(char)) break;
    position += char.length;
  }
  return position;
}

/**
 * The tokens Neo4j's lexer makes of already-unescaped text, without whitespace and comments.
 * @example tokenize("RETURN '(' AS x").map((t) => t.kind) // ["word", "string", "word", "word"]
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let position = 0;
  const push = (kind: TokenKind, end: number) => {
    tokens.push({ kind, text: text.slice(position, end), start: position });
    position = end;
  };
  while (position < text.length) {
    const char = text.charAt(position);
    const next = text.charAt(position + 1);
    if (SPACE.has(char)) {
      position += 1;
    } else if (char === "/" && next === "/") {
      let end = position + 2;
      while (end < text.length && text.charAt(end) !== "\n" && text.charAt(end) !== "\r") end += 1;
      position = end;
    } else if (char === "/" && next === "*") {
      const close = text.indexOf("*/", position + 2);
      // An unclosed `/*` is a `/` then a `*`, and lexing goes on, as in ANTLR.
      if (close === -1) push("symbol", position + 1);
      else position = close + 2;
    } else if (char === "'" || char === '"') {
      const end = stringEnd(text, position);
      push(end === -1 ? "symbol" : "string", end === -1 ? position + 1 : end);
    } else if (char === "`") {
      const end = nameEnd(text, position);
      push(end === -1 ? "symbol" : "name", end === -1 ? position + 1 : end);
    } else if (char === "$") {
      if (next === "`") {
        const end = nameEnd(text, position + 1);
        push(end === -1 ? "symbol" : "param", end === -1 ? position + 1 : end);
      } else {
        const end = wordEnd(text, position + 1);
        push(end > position + 1 ? "param" : "symbol", Math.max(end, position + 1));
      }
    } else if (char === "(" || char === "[" || char === "{") {
      push("open", position + 1);
    } else if (char === ")" || char === "]" || char === "}") {
      push("close", position + 1);
    } else if (char === ",") {
      push("comma", position + 1);
    } else if (char === "=" && next === "~") {
      push("symbol", position + 2);
    } else if (/[0-9]/.test(char) || (char === "." && /[0-9]/.test(next))) {
      // Digits, letters, underscores and one decimal point or exponent sign: 1, 1_000, 0x1F, 1.5e-3.
      const match = /^[0-9.]?[0-9A-Za-z_]*(?:\.[0-9][0-9A-Za-z_]*)?(?:(?<=[eE])[+-][0-9A-Za-z_]+)?/.exec(
        text.slice(position),
      );
      push("number", position + Math.max(1, match?.[0].length ?? 1));
    } else {
      const codePoint = text.codePointAt(position) ?? 0;
      const whole = String.fromCodePoint(codePoint);
      if (WORD_START.test(whole)) push("word", wordEnd(text, position));
      else push("symbol", position + whole.length);
    }
  }
  return tokens;
}

/**
 * Unescapes, then tokenizes: what Neo4j's parser sees of a console query, and where in it the
 * characters that were written as unicode escapes are.
 * @throws InvalidUnicodeEscapeError when a `\u` is not followed by hex digits (Neo4j refuses those too)
 */
export function lexCypher(text: string): { tokens: Token[]; escapes: number[] } {
  const unescaped = unescapeUnicode(text);
  return { tokens: tokenize(unescaped.text), escapes: unescaped.escapes };
}

/** A word's or an escaped name's text, upper case, for keyword checks; "" for other tokens. */
export function keyword(token: Token | undefined): string {
  if (!token) return "";
  if (token.kind === "word") return token.text.toUpperCase();
  if (token.kind === "name") return token.text.slice(1, -1).replaceAll("``", "`").toUpperCase();
  return "";
}
