import { describe, expect, test } from "vitest";
import { inspectPlan, type PlanNode, procedureName } from "../../server/console/plan.js";

const op = (operatorType: string, children: PlanNode[] = [], details?: string): PlanNode => ({
  operatorType,
  arguments: details === undefined ? {} : { Details: details },
  children,
});
const read = (child: PlanNode) => op("ProduceResults@neo4j", [child]);

describe("inspectPlan", () => {
  test("when the plan reads only, then it is allowed", () => {
    expect(inspectPlan("r", read(op("Limit@neo4j", [op("AllNodesScan@neo4j")])))).toEqual({ allowed: true });
  });

  test.each(["w", "rw", "s"])("when the query type is %s, then it is refused", (type) => {
    expect(inspectPlan(type, read(op("Create@neo4j")))).toMatchObject({ allowed: false, queryType: type });
  });

  test("when a read plan loads CSV, then it is refused", () => {
    expect(inspectPlan("r", read(op("LoadCSV@neo4j")))).toMatchObject({ allowed: false, operator: "LoadCSV" });
  });

  test("when a plan typed read hides a write operator, then it is refused", () => {
    expect(inspectPlan("r", read(op("Apply@neo4j", [op("Argument@neo4j"), op("SetProperty@neo4j")])))).toMatchObject({
      allowed: false,
      operator: "SetProperty",
    });
  });

  test("when a procedure is on the allowlist, then it is allowed; otherwise refused, naming it", () => {
    expect(inspectPlan("r", read(op("ProcedureCall@neo4j", [], "db.labels() :: (label :: STRING)")))).toEqual({
      allowed: true,
    });
    expect(inspectPlan("r", read(op("ProcedureCall@neo4j", [], "db.info() :: (id :: STRING)")))).toMatchObject({
      allowed: false,
      procedure: "db.info",
    });
  });

  test("when the plan administers the server or lists or ends transactions, then it is refused", () => {
    expect(inspectPlan("r", op("AdministrationCommand@system"))).toMatchObject({ allowed: false });
    expect(inspectPlan("r", read(op("TerminateTransactions@neo4j")))).toMatchObject({ allowed: false });
    expect(inspectPlan("r", read(op("ShowTransactions@neo4j")))).toMatchObject({ allowed: false });
    expect(inspectPlan("r", read(op("ShowIndexes@neo4j")))).toEqual({ allowed: true });
  });

  test("when there is no plan, then it is refused", () => {
    expect(inspectPlan("r", false)).toMatchObject({ allowed: false });
  });
});

describe("inspectPlan: second layer", () => {
  test("when an operator runs on another database than the session's, then it is refused", () => {
    expect(inspectPlan("r", read(op("AllNodesScan@other")), { database: "neo4j" })).toMatchObject({
      allowed: false,
      code: "other-database",
    });
    expect(inspectPlan("r", read(op("AllNodesScan@neo4j")), { database: "neo4j" })).toEqual({ allowed: true });
  });

  test("when an expression calls a plugin's function, then it is refused, naming it; built-in ones pass", () => {
    const projection = (details: string) => read(op("Projection@neo4j", [], details));
    expect(inspectPlan("r", projection("apoc.cypher.runFirstColumnSingle($autostring_0, {}) AS x"))).toMatchObject({
      allowed: false,
      code: "function-not-allowed",
      function: "apoc.cypher.runFirstColumnSingle",
    });
    expect(inspectPlan("r", projection("`my`.`fn`($autoint_0) AS x"))).toMatchObject({ code: "function-not-allowed" });
    expect(
      inspectPlan("r", projection("date.truncate($autostring_0, date()) AS d, point.distance(a, b) AS p, n.name AS n")),
    ).toEqual({ allowed: true });
  });

  test("when a procedure's own name is namespaced, then it is not mistaken for a function", () => {
    const call = op(
      "ProcedureCall@neo4j",
      [],
      "db.index.fulltext.queryNodes($q, $s) :: (node :: NODE, score :: FLOAT)",
    );
    expect(inspectPlan("r", read(call))).toEqual({ allowed: true });
  });

  test("when an operator's expressions hold =~ or reduce(), then it is refused", () => {
    expect(inspectPlan("r", read(op("Filter@neo4j", [], "n.name =~ $autostring_0")))).toMatchObject({ code: "regex" });
    expect(
      inspectPlan("r", read(op("Projection@neo4j", [], "reduce(s = $autoint_0, x IN $l | s + x) AS r"))),
    ).toMatchObject({ code: "reduce" });
  });

  test("when a plan is refused, then its code says why", () => {
    expect(inspectPlan("s", read(op("Create@neo4j")))).toMatchObject({ code: "not-a-read" });
    expect(inspectPlan("r", read(op("LoadCSV@neo4j")))).toMatchObject({ code: "load-csv" });
    expect(inspectPlan("r", read(op("SetProperty@neo4j")))).toMatchObject({ code: "write" });
    expect(inspectPlan("r", read(op("ShowSettings@neo4j")))).toMatchObject({ code: "command" });
    expect(inspectPlan("r", op("AdministrationCommand@system"))).toMatchObject({ code: "administration" });
  });
});

describe("procedureName", () => {
  test("reads the procedure from a ProcedureCall's details", () => {
    expect(procedureName("db.index.fulltext.queryNodes($a, $b) :: (node :: NODE)")).toBe(
      "db.index.fulltext.queryNodes",
    );
    expect(procedureName(undefined)).toBeUndefined();
  });
});
