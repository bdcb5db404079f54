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

describe("procedureName", () => {
  test("reads the procedure from a ProcedureCall's details", () => {
    expect(procedureName("db.index.fulltext.queryNodes($a, $b) :: (node :: NODE)")).toBe(
      "db.index.fulltext.queryNodes",
    );
    expect(procedureName(undefined)).toBeUndefined();
  });
});
