/** Reads Neo4j's EXPLAIN plan of a console query and decides whether it may run: reads only, no file or URL access, only harmless procedures. */

/** The plan as neo4j-driver's ResultSummary gives it (`summary.plan`). */
export interface PlanNode {
  operatorType: string;
  arguments?: Record<string, unknown>;
  children?: readonly PlanNode[];
}

/** Procedures the console may call: schema and label listings, full-text lookups, the server's version. */
export const ALLOWED_PROCEDURES: ReadonlySet<string> = new Set([
  "db.labels",
  "db.relationshipTypes",
  "db.propertyKeys",
  "db.schema.visualization",
  "db.schema.nodeTypeProperties",
  "db.schema.relTypeProperties",
  "db.index.fulltext.queryNodes",
  "db.index.fulltext.queryRelationships",
  "dbms.components",
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

export type PlanVerdict =
  | { allowed: true }
  | { allowed: false; reason: string; operator?: string; procedure?: string; queryType: string };

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

/**
 * Accepts a plan only when Neo4j typed the query as read (`'r'`) and no operator writes, loads
 * CSV, administers the server, lists or ends transactions, or calls a procedure outside
 * ALLOWED_PROCEDURES. The plan decides, not the query text.
 * @example inspectPlan("r", { operatorType: "LoadCSV@neo4j" }).allowed === false
 */
export function inspectPlan(queryType: string, plan: PlanNode | false | undefined | null): PlanVerdict {
  if (queryType !== "r") {
    const kind =
      queryType === "s"
        ? "a schema or administration command"
        : queryType === "w" || queryType === "rw"
          ? "a write"
          : `of type "${queryType}"`;
    return { allowed: false, reason: `the query is ${kind}; the console only reads.`, queryType };
  }
  if (!plan) return { allowed: false, reason: "Neo4j gave no plan for the query.", queryType };
  const stack: PlanNode[] = [plan];
  while (stack.length > 0) {
    const node = stack.pop() as PlanNode;
    const { name, database } = splitOperator(node.operatorType);
    const refuse = (reason: string, extra: { procedure?: string } = {}): PlanVerdict => ({
      allowed: false,
      reason,
      operator: name,
      queryType,
      ...extra,
    });
    if (database === "system" || name.startsWith("AdministrationCommand")) {
      return refuse("administration commands are not allowed in the console.");
    }
    if (name === "LoadCSV") return refuse("LOAD CSV reads files and fetches URLs; it is not allowed in the console.");
    if (WRITE_OPERATORS.has(name)) return refuse(`the plan writes (${name}); the console only reads.`);
    if (name.startsWith("Terminate") || (name.startsWith("Show") && !ALLOWED_SHOW.has(name))) {
      return refuse(`${name} is not allowed in the console.`);
    }
    if (name === "ProcedureCall" || name === "ProcedureCallRowCount") {
      const procedure = procedureName(node.arguments?.Details ?? node.arguments?.Signature);
      if (!procedure || !ALLOWED_PROCEDURES.has(procedure)) {
        return refuse(`the procedure ${procedure ?? "(unknown)"} is not on the console's allowlist.`, {
          ...(procedure ? { procedure } : {}),
        });
      }
    }
    stack.push(...(node.children ?? []));
  }
  return { allowed: true };
}
