import { describe, expect, test } from "vitest";
import { loadConfig } from "../../server/config.js";
import { openApiDocument } from "../../server/http/openapi.js";
import { createLogger } from "../../server/lib/logger.js";
import type { QueryRunner } from "../../server/neo4j/query-runner.js";
import { apiEndpoints } from "../../server/routes/api.js";

type Operation = { responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }> };

/** The document as GET /api/openapi.json serves it; building it runs no query, so no runner is needed. */
function document() {
  const endpoints = apiEndpoints({
    runner: {} as QueryRunner,
    config: loadConfig({}),
    logger: createLogger("silent"),
    neo4jInfo: { mode: "external", uri: "bolt://test" },
  });
  return { endpoints, doc: openApiDocument(endpoints) };
}

const refOf = (operation: Operation, status: string) =>
  operation.responses[status]?.content?.["application/json"]?.schema?.$ref;

describe("GET /api/openapi.json", () => {
  test("when the document is built, then every route's 200 names a response schema that the document defines, or a file to download", () => {
    const { endpoints, doc } = document();
    const downloads = new Set(
      endpoints
        .filter((endpoint) => endpoint.download)
        .map((endpoint) => `${endpoint.method} /api${endpoint.path.replace(/:(\w+)/g, "{$1}")}`),
    );
    expect([...downloads]).toEqual(["get /api/sources/drafts/{id}/dataset.zip"]);
    const schemas = doc.components.schemas;
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        route: `${method} ${path}`,
        operation: operation as Operation,
      })),
    );
    // Every endpoint of the API and the health check.
    expect(operations.length).toBe(endpoints.length + 1);
    for (const { route, operation } of operations) {
      if (downloads.has(route)) {
        expect(Object.keys(operation.responses["200"]?.content ?? {}), route).toEqual(["application/zip"]);
        continue;
      }
      const ref = refOf(operation, "200");
      expect(ref, route).toMatch(/^#\/components\/schemas\/\w+Response$/);
      expect(schemas[String(ref).split("/").pop() as string], route).toBeDefined();
    }
  });

  test("when a route can fail, then each error status names the error schema", () => {
    const { doc } = document();
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const statuses = Object.keys((operation as Operation).responses).filter((status) => status !== "200");
        expect(statuses.length, `${method} ${path}`).toBeGreaterThan(0);
        for (const status of statuses) {
          const expected = path === "/api/health" ? "HealthResponse" : "ApiError";
          expect(refOf(operation as Operation, status), `${method} ${path} ${status}`).toBe(
            `#/components/schemas/${expected}`,
          );
        }
      }
    }
  });

  test("when shared shapes are documented, then nodes and edges are unions by type and MET carries its fields", () => {
    const { schemas } = document().doc.components;
    const variants = (name: string) =>
      ((schemas[name] as { oneOf?: { properties: { type: { const: string } } }[] }).oneOf ?? []).map(
        (variant) => variant.properties.type.const,
      );
    expect(variants("NodeData").sort()).toEqual(["Actor", "Claim", "Event", "Forum", "Passage", "Source"]);
    expect(variants("EdgeData")).toContain("MET");
    const met = (
      schemas.EdgeData as { oneOf: { properties: Record<string, unknown>; required: string[] }[] }
    ).oneOf.find((variant) => (variant.properties.type as { const: string }).const === "MET");
    expect(met?.required).toEqual(
      expect.arrayContaining(["weight", "events", "first", "last", "forumCount", "reported"]),
    );
    // Evidence is one shared component, referred to wherever it appears.
    expect(JSON.stringify(schemas.PathsResponse)).toContain("#/components/schemas/EvidenceItem");
  });
});
