/** The registry of named contract schemas: each becomes one entry of the OpenAPI document's `components/schemas`. */
import { z } from "zod";

export const contractRegistry = z.registry<{ id: string; description?: string }>();

/**
 * Names a schema in the contract (its OpenAPI component) and returns it unchanged.
 * @example const DateValue = named("DateValue", z.object({ … }))
 */
export function named<S extends z.ZodType>(id: string, schema: S, description?: string): S {
  contractRegistry.add(schema, description ? { id, description } : { id });
  return schema;
}
