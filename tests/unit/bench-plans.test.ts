import { describe, expect, test } from "vitest";
import { formatPlans, summarisePlan } from "../../bench/plans.js";

/** A plan as neo4j-driver's ProfiledPlan gives it: operator types carry the runtime. */
const op = (operatorType: string, dbHits: number, rows: number, children: unknown[] = [], details = "") => ({
  operatorType: `${operatorType}@neo4j`,
  dbHits,
  rows,
  arguments: { Details: details },
  children,
});

describe("bench plans: summarisePlan", () => {
  test("when a plan seeks by index, then its db hits are the sum of every operator's, the root's rows are its rows, and no scan is flagged", () => {
    const plan = op("ProduceResults", 0, 3, [op("Expand(All)", 40, 3, [op("NodeUniqueIndexSeek", 2, 1)])]);
    const summary = summarisePlan("nodes/by-id", plan as never);
    expect(summary).toMatchObject({ query: "nodes/by-id", dbHits: 42, rows: 3, scans: [] });
    expect(summary.costliest).toEqual(["Expand(All): 40", "NodeUniqueIndexSeek: 2"]);
  });

  test("when a plan reads a whole label or every relationship, then each such operator is flagged with its details and rows", () => {
    const plan = op("ProduceResults", 0, 1, [
      op("CartesianProduct", 0, 1, [
        op("NodeByLabelScan", 50_000, 50_000, [], "a:Actor"),
        op("DirectedAllRelationshipsScan", 2_000_000, 2_000_000, [], "(anon_0)-[r]->(anon_1)"),
      ]),
    ]);
    const summary = summarisePlan("dataset/retract", plan as never);
    expect(summary.scans).toEqual([
      "NodeByLabelScan (a:Actor, 50000 rows)",
      "DirectedAllRelationshipsScan ((anon_0)-[r]->(anon_1), 2000000 rows)",
    ]);
    expect(formatPlans([{ name: "commit", plans: [summary] }]).join("\n")).toContain("SCANS: NodeByLabelScan");
  });
});
