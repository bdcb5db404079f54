/** Estimates how deeply Neo4j will nest a console query's parse tree, from its tokens, so that queries deep enough to hang Neo4j's parser are refused first. */
import { keyword, type Token } from "./cypher-lexer.js";

/**
 * Nesting budget, in units of the estimate below. Measured on Neo4j 5.26.30 (default 1 MB thread
 * stacks): its parser or planner overflows its stack, and then never answers and holds the Bolt
 * connection, at about 300 nested `(` or `[`, 250 nested maps, 200 nested `(…)` patterns,
 * 175 nested function calls, 185 nested CASE, 48 nested `CALL {}` subqueries, 194 chained
 * `.prop`, 200 chained `||`, 1000 chained AND, 100 UNIONs, 200–380 chained WITH clauses. Each of
 * those is at least ~175 units here (a `{` counts 3 because subqueries cost ~4× a bracket), so 64
 * stays under a third of the smallest, a margin for a colder JVM and for constructs combined.
 */
export const MAX_NESTING = 64;

/** Keywords that start a clause: clauses chain (each one deepens the plan) and are not reset by a comma. */
const CLAUSES = new Set(
  (
    "MATCH OPTIONAL WHERE WITH RETURN UNWIND CALL UNION ORDER SKIP LIMIT OFFSET YIELD USE LOAD FOREACH CREATE MERGE SET " +
    "DELETE DETACH NODETACH REMOVE FINISH SHOW TERMINATE FILTER LET ALTER DROP GRANT DENY REVOKE START STOP INSERT"
  ).split(" "),
);
/** Keywords that are operators: a chain of them is a chain of nested expressions, until a comma. */
const OPERATOR_WORDS = new Set("NOT IN IS STARTS ENDS CONTAINS AS WHEN THEN ELSE".split(" "));
/** Inside CASE, these separate alternatives (siblings), as a comma does elsewhere. */
const CASE_SEPARATORS = new Set(["WHEN", "THEN", "ELSE"]);
const MATCHING: Record<string, string> = { ")": "(", "]": "[", "}": "{" };
/** Boolean operators: each nests one level, but a level costs Neo4j about a quarter of a bracket's (1,000+ chained ANDs, 1,250 ORs). */
const BOOLEANS = new Set(["AND", "OR", "XOR"]);
const BOOLEANS_PER_UNIT = 4;

/** What a token does to the nesting estimate, decided once (it depends on the brackets open before it). */
type Step =
  | { kind: "push"; weight: number; segment: number }
  | { kind: "pop" }
  | { kind: "separator"; segment: number }
  | { kind: "boolean" | "clause" | "operator" | "none" };

/** Pass one: each token's step, and how many boolean operators each comma-separated segment holds. */
function steps(tokens: Token[]): { steps: Step[]; booleans: number[] } {
  const stack: { opener: string; segment: number }[] = [{ opener: "", segment: 0 }];
  const booleans = [0];
  const top = () => stack[stack.length - 1] as { opener: string; segment: number };
  const newSegment = () => booleans.push(0) - 1;
  const out = tokens.map((token, index): Step => {
    const word = token.kind === "word" ? keyword(token) : "";
    const opener = token.kind === "open" ? token.text : word === "CASE" ? "CASE" : "";
    if (opener) {
      const segment = newSegment();
      stack.push({ opener, segment });
      // A call's bracket and a CASE cost Neo4j about twice a plain bracket (nested calls fail at 176
      // levels, CASE at 186, brackets at 306; the limit moves with the JVM's state), so they count 2.
      const call = opener === "(" && tokens[index - 1]?.kind === "word";
      return { kind: "push", weight: opener === "{" ? 3 : call || opener === "CASE" ? 2 : 1, segment };
    }
    // A closer that does not match its opener is not trusted to close anything: counting stays high.
    const closes = token.kind === "close" ? MATCHING[token.text] : word === "END" ? "CASE" : undefined;
    if (closes !== undefined && stack.length > 1 && top().opener === closes) {
      stack.pop();
      return { kind: "pop" };
    }
    if (token.kind === "comma" || (top().opener === "CASE" && CASE_SEPARATORS.has(word))) {
      top().segment = newSegment();
      return { kind: "separator", segment: top().segment };
    }
    if (BOOLEANS.has(word)) {
      booleans[top().segment] = (booleans[top().segment] ?? 0) + 1;
      return { kind: "boolean" };
    }
    if (CLAUSES.has(word)) return { kind: "clause" };
    if (token.kind === "symbol" ? token.text !== ";" : OPERATOR_WORDS.has(word)) return { kind: "operator" };
    return { kind: "none" };
  });
  return { steps: out, booleans };
}

/**
 * The nesting estimate: the sum, over every open bracket (and CASE), of its weight plus the
 * clauses met at its level, the operators met since the last comma or boolean operator, and a
 * quarter of all the boolean operators of the current comma-separated stretch (counted from its
 * start, since in `a OR b OR c` the first operand is the deepest). It never counts less than the
 * depth of the tree Neo4j builds, in those units: every level of that tree needs a bracket, a
 * clause or an operator token; commas only ever separate siblings; and an operand of AND, OR or
 * XOR is a sibling of the operands before it.
 */
export function nesting(tokens: Token[]): number {
  const { steps: plan, booleans } = steps(tokens);
  interface Frame {
    weight: number;
    clauses: number;
    ops: number;
    booleanUnits: number;
  }
  const units = (segment: number) => Math.ceil((booleans[segment] ?? 0) / BOOLEANS_PER_UNIT);
  const stack: Frame[] = [{ weight: 0, clauses: 0, ops: 0, booleanUnits: units(0) }];
  let total = units(0);
  let deepest = total;
  const top = () => stack[stack.length - 1] as Frame;
  for (const step of plan) {
    const frame = top();
    if (step.kind === "push") {
      const child = { weight: step.weight, clauses: 0, ops: 0, booleanUnits: units(step.segment) };
      stack.push(child);
      total += child.weight + child.booleanUnits;
    } else if (step.kind === "pop") {
      stack.pop();
      total -= frame.weight + frame.clauses + frame.ops + frame.booleanUnits;
    } else if (step.kind === "separator") {
      total += units(step.segment) - frame.ops - frame.booleanUnits;
      frame.ops = 0;
      frame.booleanUnits = units(step.segment);
    } else if (step.kind === "boolean") {
      total -= frame.ops;
      frame.ops = 0;
    } else if (step.kind === "clause") {
      frame.clauses += 1;
      total += 1;
    } else if (step.kind === "operator") {
      frame.ops += 1;
      total += 1;
    }
    deepest = Math.max(deepest, total);
  }
  return deepest;
}
