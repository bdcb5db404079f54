/** The OpenAPI 3.1 document, assembled from the zod schemas that validate the requests and type the responses (common/contract/), so neither can drift. */
import { type ZodType, z } from "zod";
import { contractRegistry } from "../../common/contract/registry.js";
import { ApiError, HealthResponse } from "../../common/contract/responses.js";
import type { Endpoint } from "./endpoint.js";

type JsonSchema = Record<string, unknown>;

/** JSON Schema (2020-12, as OpenAPI 3.1 uses) of what a client sends. */
function inputSchema(schema: ZodType): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  return rest;
}

/** A multipart form: the body's fields as strings, plus the uploaded file. */
function uploadSchema(definition: Endpoint): JsonSchema {
  const json = inputSchema(definition.body as ZodType) as { properties?: Record<string, JsonSchema> };
  return {
    type: "object",
    properties: {
      ...json.properties,
      [definition.upload as string]: { type: "string", contentMediaType: "application/octet-stream" },
    },
    required: [definition.upload],
  };
}

/** The properties of an object schema as OpenAPI parameters of one location. */
function parameters(schema: ZodType | undefined, where: "path" | "query") {
  if (!schema) return [];
  const json = inputSchema(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === "path" || (json.required ?? []).includes(name),
    ...(typeof property.description === "string" ? { description: property.description } : {}),
    schema: property,
    ...(where === "query" && (property.anyOf || property.type === "array") ? { style: "form", explode: false } : {}),
  }));
}

const COMPONENTS = "#/components/schemas/";

/** The contract's named schemas (common/contract/) as OpenAPI components, each shared schema once. */
function components(): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(contractRegistry, {
    io: "output",
    unrepresentable: "any",
    uri: (id) => `${COMPONENTS}${id}`,
  }) as { schemas: Record<string, JsonSchema> };
  return Object.fromEntries(
    Object.entries(schemas).map(([id, { $schema: _ignored, id: _id, ...schema }]) => [id, schema]),
  );
}

/** The component name of a contract schema; every response must be one, so that the document names it. */
function componentOf(schema: ZodType): string {
  const id = contractRegistry.get(schema)?.id;
  if (!id) throw new Error("openApiDocument: a response schema is not named in common/contract (use named()).");
  return id;
}

const json = (schema: ZodType) => ({ "application/json": { schema: { $ref: `${COMPONENTS}${componentOf(schema)}` } } });
const errorResponse = (description: string) => ({ description, content: json(ApiError) });

/**
 * Builds the document for the given endpoints (paths under /api).
 * @example openApiDocument(apiEndpoints(deps)).paths["/api/search"].get
 */
export function openApiDocument(endpoints: readonly Endpoint[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const definition of endpoints) {
    const path = `/api${definition.path.replace(/:(\w+)/g, "{$1}")}`;
    paths[path] ??= {};
    (paths[path] as Record<string, unknown>)[definition.method] = {
      summary: definition.summary,
      ...(definition.description ? { description: definition.description } : {}),
      operationId: `${definition.method}${definition.path.replace(/[/:](\w)/g, (_m, c: string) => c.toUpperCase()).replace(/[^\w]/g, "")}`,
      parameters: [...parameters(definition.params, "path"), ...parameters(definition.query, "query")],
      ...(definition.body
        ? {
            requestBody: {
              required: true,
              content: {
                "application/json": { schema: inputSchema(definition.body) },
                ...(definition.upload ? { "multipart/form-data": { schema: uploadSchema(definition) } } : {}),
              },
            },
          }
        : {}),
      responses: {
        "200": definition.download
          ? {
              description: "OK: a file, sent as an attachment",
              content: {
                [definition.download.mediaType]: {
                  schema: { type: "string", contentMediaType: definition.download.mediaType },
                },
              },
            }
          : { description: "OK", content: json(definition.response) },
        "400": errorResponse("A parameter is invalid; `details` names it"),
        ...(definition.path.includes(":id") || definition.method === "get"
          ? { "404": errorResponse("No node with that id") }
          : {}),
        ...(definition.path === "/cypher" ? { "403": errorResponse("The query could write (READ_ONLY)") } : {}),
        "503": errorResponse("Neo4j is unreachable"),
      },
    };
  }
  paths["/api/health"] = {
    get: {
      summary: "Is Neo4j answering, which version, and node counts by label",
      operationId: "getHealth",
      responses: {
        "200": { description: "OK", content: json(HealthResponse) },
        "503": {
          description: "Neo4j is unreachable (the same body, `status: unavailable`, with a `reason`)",
          content: json(HealthResponse),
        },
      },
    },
  };
  return {
    openapi: "3.1.0",
    info: {
      title: "Liaison API",
      version: "0.1.0",
      description: "Subgraphs of who met whom, where claims come from, and a read-only Cypher console.",
    },
    paths,
    components: { schemas: components() },
  };
}
