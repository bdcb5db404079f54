/** Reads Neo4j's EXPLAIN plan of a console query and decides whether it may run: reads only, one database, no file or URL access, only harmless procedures and built-in functions. */

/** The plan as neo4j-driver's ResultSummary gives it (`summary.plan`). */
export interface PlanNode {
  operatorType: string;
  arguments?: Record<string, unknown>;
  children?: readonly PlanNode[];
}

/**
 * Procedures the console may call: schema and label listings, full-text lookups. Each must also be
 * typed a read by Neo4j (tests/integration/console-allowlist.test.ts calls each one through the
 * console); dbms.components, typed a DBMS command ('s'), was listed here but never passed.
 */
export const ALLOWED_PROCEDURES: ReadonlySet<string> = new Set([
  "db.labels",
  "db.relationshipTypes",
  "db.propertyKeys",
  "db.schema.visualization",
  "db.schema.nodeTypeProperties",
  "db.schema.relTypeProperties",
  "db.index.fulltext.queryNodes",
  "db.index.fulltext.queryRelationships",
]);

/** SHOW commands the console may run (the others list transactions, settings or users). */
const ALLOWED_SHOW = new Set(["ShowIndexes", "ShowConstraints", "ShowProcedures", "ShowFunctions"]);

/** Operators that change the graph or run sub-transactions; their presence refuses the query whatever its type. */
const WRITE_OPERATORS = new Set([
  "Create",
  "Merge",
  "Delete",
  "DetachDelete",
  "DeleteNode",
  "DetachDeleteNode",
  "DeleteRelationship",
  "DeletePath",
  "DetachDeletePath",
  "DeleteExpression",
  "DetachDeleteExpression",
  "SetProperty",
  "SetProperties",
  "SetPropertiesFromMap",
  "SetNodeProperty",
  "SetNodeProperties",
  "SetNodePropertiesFromMap",
  "SetRelationshipProperty",
  "SetRelationshipProperties",
  "SetRelationshipPropertiesFromMap",
  "SetLabels",
  "RemoveLabels",
  "Foreach",
  "TransactionForeach",
  "TransactionApply",
  "LockingMerge",
]);

/**
 * Functions that are built into Neo4j 5.26 and have a namespace (`SHOW FUNCTIONS` lists them as
 * built in); every other namespaced call is a user-defined function from a plugin (APOC's
 * `apoc.cypher.run*` run arbitrary Cypher), which the console refuses like a procedure. User
 * functions always have a namespace: Neo4j refuses to load one in the root namespace.
 */
export const BUILT_IN_NAMESPACED_FUNCTIONS: ReadonlySet<string> = new Set(
  [
    "date.realtime date.statement date.transaction date.truncate",
    "datetime.fromepoch datetime.fromepochmillis datetime.realtime datetime.statement datetime.transaction datetime.truncate",
    "duration.between duration.inDays duration.inMonths duration.inSeconds",
    "localdatetime.realtime localdatetime.statement localdatetime.transaction localdatetime.truncate",
    "localtime.realtime localtime.statement localtime.transaction localtime.truncate",
    "point.distance point.withinBBox",
    "time.realtime time.statement time.transaction time.truncate",
    "vector.similarity.cosine vector.similarity.euclidean",
  ]
    .join(" ")
    .split(" ")
    .map((name) => name.toLowerCase()),
);

/** Why a plan is refused, for clients and audit lines; the message says it for people. */
type PlanRefusalCode =
  | "not-a-read"
  | "no-plan"
  | "administration"
  | "other-database"
  | "load-csv"
  | "write"
  | "command"
  | "procedure-not-allowed"
  | "function-not-allowed"
  | "regex"
  | "reduce";

export type PlanVerdict =
  | { allowed: true }
  | {
      allowed: false;
      code: PlanRefusalCode;
      reason: string;
      operator?: string;
      procedure?: string;
      function?: string;
      queryType: string;
    };

/** `ProcedureCall@neo4j` → `ProcedureCall`; the database after `@` is returned apart. */
function splitOperator(operatorType: string): { name: string; database: string | undefined } {
  const [name = "", database] = operatorType.split("@");
  return { name, database };
}

/** The procedure a ProcedureCall operator calls, from its Details (`db.labels() :: (label :: STRING)`). */
export function procedureName(details: unknown): string | undefined {
  if (typeof details !== "string") return undefined;
  return /^\s*([\p{L}\p{N}_.`]+)\s*\(/u.exec(details)?.[1]?.replaceAll("`", "");
}

/** Every string among an operator's arguments (Details holds its expressions, literals already turned into $autoN parameters). */
function argumentText(node: PlanNode): string {
  return Object.values(node.arguments ?? {})
    .filter((value): value is string => typeof value === "string")
    .join("\n")
    .replaceAll("`", "");
}

/** Namespaced function calls in an operator's expressions that Neo4j does not build in. */
function userFunctions(text: string): string[] {
  const calls = text.matchAll(/([\p{L}_][\p{L}\p{N}_]*(?:\s*\.\s*[\p{L}_][\p{L}\p{N}_]*)+)\s*\(/gu);
  return [...calls]
    .map((match) => (match[1] ?? "").replace(/\s+/g, ""))
    .filter((name) => !BUILT_IN_NAMESPACED_FUNCTIONS.has(name.toLowerCase()));
}

export interface InspectOptions {
  /** The database the session plans on: an operator on any other one (`@system`, another name) refuses the plan. */
  database?: string | undefined;
}

/**
 * Accepts a plan only when Neo4j typed the query as read (`'r'`) and no operator writes, loads
 * CSV, administers the server, runs on another database, lists or ends transactions, lists
 * settings, calls a procedure outside ALLOWED_PROCEDURES or a user-defined function, or holds
 * an `=~` or a reduce() (a second layer behind the text checks: see query-bounds.ts). The plan
 * decides, not the query text.
 * @example inspectPlan("r", { operatorType: "LoadCSV@neo4j" }).allowed === false
 */
export function inspectPlan(
  queryType: string,
  plan: PlanNode | false | undefined | null,
  options: InspectOptions = {},
): PlanVerdict {
  if (queryType !== "r") {
    const kind =
      queryType === "s"
        ? "a schema or administration command"
        : queryType === "w" || queryType === "rw"
          ? "a write"
          : `of type "${queryType}"`;
    return { allowed: false, code: "not-a-read", reason: `the query is ${kind}; the console only reads.`, queryType };
  }
  if (!plan) return { allowed: false, code: "no-plan", reason: "Neo4j gave no plan for the query.", queryType };
  const stack: PlanNode[] = [plan];
  while (stack.length > 0) {
    const node = stack.pop() as PlanNode;
    const { name, database } = splitOperator(node.operatorType);
    const refuse = (
      code: PlanRefusalCode,
      reason: string,
      extra: { procedure?: string; function?: string } = {},
    ): PlanVerdict => ({ allowed: false, code, reason, operator: name, queryType, ...extra });
    if (database === "system" || name.startsWith("AdministrationCommand")) {
      return refuse("administration", "administration commands are not allowed in the console.");
    }
    if (options.database !== undefined && database !== undefined && database !== options.database) {
      return refuse("other-database", `the console reads the database "${options.database}" only.`);
    }
    if (name === "LoadCSV") {
      return refuse("load-csv", "LOAD CSV reads files and fetches URLs; it is not allowed in the console.");
    }
    if (WRITE_OPERATORS.has(name)) return refuse("write", `the plan writes (${name}); the console only reads.`);
    if (name.startsWith("Terminate") || (name.startsWith("Show") && !ALLOWED_SHOW.has(name))) {
      return refuse("command", `${name} is not allowed in the console.`);
    }
    let text = argumentText(node);
    if (name === "ProcedureCall" || name === "ProcedureCallRowCount") {
      const procedure = procedureName(node.arguments?.Details ?? node.arguments?.Signature);
      if (!procedure || !ALLOWED_PROCEDURES.has(procedure)) {
        return refuse(
          "procedure-not-allowed",
          `the procedure ${procedure ?? "(unknown)"} is not on the console's allowlist.`,
          procedure ? { procedure } : {},
        );
      }
      text = text.replace(procedure, "");
    }
    const [userFunction] = userFunctions(text);
    if (userFunction) {
      return refuse(
        "function-not-allowed",
        `the function ${userFunction} is not built into Neo4j; the console refuses plugins' functions.`,
        {
          function: userFunction,
        },
      );
    }
    if (text.includes("=~")) return refuse("regex", "regular expressions (=~) are not available in the console.");
    if (/\breduce\s*\(/i.test(text)) return refuse("reduce", "reduce() is not available in the console.");
    stack.push(...(node.children ?? []));
  }
  return { allowed: true };
}
