/**
 * The `PROFILE` plan of every query each endpoint ran (with the parameters it ran them with), so a
 * bench run on a big graph shows what each query reads: its db hits, rows, the costliest operators,
 * and any scan of a whole label or of every relationship — what "no request reads the whole graph"
 * forbids on the big labels.
 */
import type { Driver } from "neo4j-driver";
import { cypher } from "../server/neo4j/cypher-files.js";
import type { Recorded } from "./latency.js";

/** Operators that read every node of a label, every node, or every relationship (of a type). */
const SCANS =
  /^(AllNodesScan|NodeByLabelScan|UnionNodeByLabelsScan|IntersectionNodeByLabelsScan|(Directed|Undirected)(AllRelationships|RelationshipType)Scan)/;

export interface QueryPlan {
  query: string;
  dbHits: number;
  /** Rows the plan's root produced. */
  rows: number;
  /** The operators with the most db hits (at most four), as "Operator: hits". */
  costliest: string[];
  /** Scans of whole labels or of every relationship, as "Operator (details)". */
  scans: string[];
}

export interface EndpointPlans {
  name: string;
  plans: QueryPlan[];
}

interface ProfiledOperator {
  operatorType: string;
  dbHits: number;
  rows: number;
  arguments: Record<string, unknown>;
  children: ProfiledOperator[];
}

const operators = (plan: ProfiledOperator): ProfiledOperator[] => [plan, ...plan.children.flatMap(operators)];
/** The driver's operator names carry the runtime ("NodeByLabelScan@neo4j"). */
const nameOf = (op: ProfiledOperator) => op.operatorType.replace(/@.*$/, "");
const num = (value: unknown) => (typeof value === "number" ? value : Number(value ?? 0));

/** Summarises one profiled plan (pure: unit-tested on a plan's shape). */
export function summarisePlan(query: string, plan: ProfiledOperator): QueryPlan {
  const all = operators(plan);
  const costliest = all
    .filter((op) => num(op.dbHits) > 0)
    .sort((a, b) => num(b.dbHits) - num(a.dbHits))
    .slice(0, 4)
    .map((op) => `${nameOf(op)}: ${num(op.dbHits)}`);
  const scans = all
    .filter((op) => SCANS.test(nameOf(op)))
    .map((op) => {
      const details = op.arguments.Details;
      return `${nameOf(op)} (${typeof details === "string" ? details : ""}, ${num(op.rows)} rows)`;
    });
  return {
    query,
    dbHits: all.reduce((sum, op) => sum + num(op.dbHits), 0),
    rows: num(plan.rows),
    costliest,
    scans,
  };
}

/** PROFILEs every query each recorded endpoint ran, once each, in a read transaction. */
export async function profileEndpoints(driver: Driver, recorded: Recorded[]): Promise<EndpointPlans[]> {
  const out: EndpointPlans[] = [];
  for (const { endpoint, work } of recorded) {
    const plans: QueryPlan[] = [];
    for (const call of work.flat()) {
      if (call.routing !== "READ") continue;
      const session = driver.session({ defaultAccessMode: "READ" });
      try {
        const result = await session.executeRead((tx) => tx.run(`PROFILE ${cypher(call.name)}`, call.params));
        const profile = result.summary.profile;
        if (profile) plans.push(summarisePlan(call.name, profile as unknown as ProfiledOperator));
      } finally {
        await session.close();
      }
    }
    out.push({ name: endpoint.name, plans });
  }
  return out;
}

/** The plans as lines for people: one per query, the scans flagged. */
export function formatPlans(endpoints: EndpointPlans[]): string[] {
  const lines = ["PROFILE of each endpoint's queries (db hits, rows; costliest operators; scans of whole labels):"];
  for (const { name, plans } of endpoints) {
    for (const plan of plans) {
      const scans = plan.scans.length > 0 ? `  SCANS: ${plan.scans.join("; ")}` : "";
      lines.push(
        `  ${name} · ${plan.query}: ${plan.dbHits.toLocaleString("en")} db hits, ${plan.rows} rows; ${plan.costliest.join(", ")}${scans}`,
      );
    }
  }
  return lines;
}
