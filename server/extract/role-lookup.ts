/** Role-holder lookups for office phrases ("the Chinese leader"): in the graph (cypher/extract/role-holders.cypher) and over a dataset in memory. */
import { z } from "zod";
import { fold } from "../lib/search-words.js";
import { defineQuery, type QueryRunner } from "../neo4j/query-runner.js";
import type { RoleHolder, RoleQuery } from "./types.js";

const roleHoldersQuery = defineQuery<{ queries: RoleQuery[] }>("extract/role-holders", "READ").rows({
  key: z.string(),
  entity: z.string(),
  name: z.string(),
  title: z.string(),
  qualifier: z.string().nullable(),
  end: z.string().nullable(),
});

/** One query for all the office phrases of a document. */
export function graphRoleLookup(runner: QueryRunner, signal?: AbortSignal) {
  return async (queries: readonly RoleQuery[]): Promise<Map<string, RoleHolder[]>> => {
    const out = new Map<string, RoleHolder[]>();
    if (queries.length === 0) return out;
    const { rows } = await runner.run(roleHoldersQuery, { queries: [...queries] }, { signal });
    for (const { key, ...holder } of rows) out.set(key, [...(out.get(key) ?? []), holder]);
    return out;
  };
}

/** A role as the memory lookup holds it: who holds what title of which state. */
export interface KnownRole {
  holder: string;
  name: string;
  title: string;
  of: string;
  qualifier: string | null;
  end: string | null;
}

/** The same lookup over roles held in memory. */
export function memoryRoleLookup(roles: readonly KnownRole[]) {
  return async (queries: readonly RoleQuery[]): Promise<Map<string, RoleHolder[]>> => {
    const out = new Map<string, RoleHolder[]>();
    for (const q of queries) {
      const held = roles.filter((r) => r.of === q.state && q.titles.includes(fold(r.title)));
      out.set(
        q.key,
        held.map((r) => ({ entity: r.holder, name: r.name, title: r.title, qualifier: r.qualifier, end: r.end })),
      );
    }
    return out;
  };
}
