/**
 * Row schemas compiled once into plain decoding functions. Parsing every cell with zod cost
 * ~8 µs a row and most of the garbage of a big response (a context and a pipe per driver value);
 * the compiled decoder checks the same things with plain code. It only speeds zod up, never
 * replaces it: a value it does not accept is parsed by zod, whose answer (and error) counts.
 */
import type { z } from "zod";

/** What a decoder returns for a value its schema does not accept. */
export const FAIL: unique symbol = Symbol("does not fit");
export type Decoder = (value: unknown) => unknown;

/** The driver-value columns of columns.ts: their conversion (undefined when the value does not fit). */
const converters = new WeakMap<z.ZodType, (value: unknown) => unknown>();
/** Schemas whose output is their input schema's with null turned into [] (listOrEmpty). */
const emptyWhenNull = new WeakMap<z.ZodType, z.ZodType>();

/** Declares how a `z.unknown().transform(convert)` column decodes: `convert` gives undefined for what does not fit. */
export function registerConverter<S extends z.ZodType>(schema: S, convert: (value: unknown) => unknown): S {
  converters.set(schema, convert);
  return schema;
}

/** Declares a `list.nullable().transform(list => list ?? [])` column. */
export function registerEmptyWhenNull<S extends z.ZodType>(schema: S, list: z.ZodType): S {
  emptyWhenNull.set(schema, list);
  return schema;
}

/** The parts of zod's definition the compiler reads. */
interface Def {
  type: string;
  coerce?: boolean;
  checks?: unknown[];
  check?: unknown;
  innerType?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  entries?: Record<string, unknown>;
  values?: Set<unknown>;
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** zod itself, for what the compiler does not know (refinements, records, unions…). */
function byZod(schema: z.ZodType): Decoder {
  return (value) => {
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : FAIL;
  };
}

interface Field {
  key: string;
  decode: Decoder;
  optional: boolean;
}

const fieldsOf = (shape: Record<string, z.ZodType>): Field[] =>
  Object.entries(shape).map(([key, schema]) => ({
    key,
    decode: compileDecoder(schema),
    optional: defOf(schema).type === "optional",
  }));

function objectDecoder(shape: Record<string, z.ZodType>): Decoder {
  const fields = fieldsOf(shape);
  return (value) => {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return FAIL;
    const input = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const { key, decode, optional } of fields) {
      const item = input[key];
      // zod leaves out an optional key that is absent (and keeps one given as undefined).
      if (item === undefined && optional && !(key in input)) continue;
      const decoded = decode(item);
      if (decoded === FAIL) return FAIL;
      out[key] = decoded;
    }
    return out;
  };
}

/** A driver record, as far as decoding reads it. */
export interface RecordLike {
  has(key: string): boolean;
  get(key: string): unknown;
  toObject(): object;
}

/**
 * A row schema (a z.object of columns) compiled into a decoder that reads a record's columns
 * straight (the driver's toObject() was a third of the decoding time); it gives what
 * `compileDecoder(row)(record.toObject())` gives.
 * @example compileRowDecoder(z.object({ n: int() }))(record) // { n: 3 }
 */
export function compileRowDecoder(row: z.ZodType): (record: RecordLike) => unknown {
  const def = defOf(row);
  if (def.type !== "object" || def.catchall !== undefined || hasChecks(def)) {
    const decode = compileDecoder(row);
    return (record) => decode(record.toObject());
  }
  const fields = fieldsOf(def.shape ?? {});
  return (record) => {
    const out: Record<string, unknown> = {};
    for (const { key, decode, optional } of fields) {
      const present = record.has(key);
      if (!present && optional) continue;
      const decoded = decode(present ? record.get(key) : undefined);
      if (decoded === FAIL) return FAIL;
      out[key] = decoded;
    }
    return out;
  };
}

const hasChecks = (def: Def) =>
  (def.checks !== undefined && def.checks.length > 0) || def.check !== undefined || def.coerce === true;

/**
 * A decoder doing what `schema.safeParse` does for the kinds of schema row schemas are made of
 * (strings, numbers, booleans, enums, literals, arrays, objects, nullable, optional, unknown and
 * the columns of columns.ts), and calling zod for any other kind or any schema with checks.
 * @example compileDecoder(z.object({ n: int() }))({ n: neo4j.int(3) }) // { n: 3 }
 */
export function compileDecoder(schema: z.ZodType): Decoder {
  const convert = converters.get(schema);
  if (convert) {
    return (value) => {
      const converted = convert(value);
      return converted === undefined ? FAIL : converted;
    };
  }
  const list = emptyWhenNull.get(schema);
  if (list) {
    const decodeList = compileDecoder(list);
    return (value) => (value === null ? [] : decodeList(value));
  }
  const def = defOf(schema);
  if (hasChecks(def)) return byZod(schema);
  switch (def.type) {
    case "string":
      return (value) => (typeof value === "string" ? value : FAIL);
    case "number":
      return (value) => (typeof value === "number" && Number.isFinite(value) ? value : FAIL);
    case "boolean":
      return (value) => (typeof value === "boolean" ? value : FAIL);
    case "unknown":
    case "any":
      return (value) => value;
    case "enum":
    case "literal": {
      const allowed = new Set(def.type === "enum" ? Object.values(def.entries ?? {}) : [...(def.values ?? [])]);
      return (value) => (allowed.has(value) ? value : FAIL);
    }
    case "nullable": {
      const inner = compileDecoder(def.innerType as z.ZodType);
      return (value) => (value === null ? null : inner(value));
    }
    case "optional": {
      const inner = compileDecoder(def.innerType as z.ZodType);
      return (value) => (value === undefined ? undefined : inner(value));
    }
    case "array": {
      const item = compileDecoder(def.element as z.ZodType);
      return (value) => {
        if (!Array.isArray(value)) return FAIL;
        const out = new Array(value.length);
        for (let index = 0; index < value.length; index++) {
          const decoded = item(value[index]);
          if (decoded === FAIL) return FAIL;
          out[index] = decoded;
        }
        return out;
      };
    }
    case "object":
      // Strict objects and catch-alls report unknown keys: zod does that.
      return def.catchall === undefined ? objectDecoder(def.shape ?? {}) : byZod(schema);
    default:
      return byZod(schema);
  }
}
