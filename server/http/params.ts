/** Zod schemas for request parameters shared by several endpoints: lists, dates, ids, bounded integers. */
import { z } from "zod";

/**
 * A list parameter given as `a,b` or repeated (`?x=a&x=b`), each item from `allowed`.
 * @example list(["Actor", "Event"]).parse("Actor,Event") // ["Actor", "Event"]
 */
export function list<const T extends readonly [string, ...string[]]>(allowed: T) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((value) =>
      (Array.isArray(value) ? value : [value])
        .flatMap((item) => item.split(","))
        .map((item) => item.trim())
        .filter((item) => item.length > 0),
    )
    .pipe(z.array(z.enum(allowed)).min(1, `give at least one of ${allowed.join(", ")}`))
    .optional();
}

const datePattern = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` into the first or last day it can mean, or undefined if it is no date. */
function dateBound(text: string, bound: "start" | "end"): string | undefined {
  const match = datePattern.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = match[2] === undefined ? undefined : Number(match[2]);
  const day = match[3] === undefined ? undefined : Number(match[3]);
  if (month !== undefined && (month < 1 || month > 12)) return undefined;
  const lastDay = (m: number) => new Date(Date.UTC(year, m, 0)).getUTCDate();
  if (day !== undefined && month !== undefined && (day < 1 || day > lastDay(month))) return undefined;
  const m = month ?? (bound === "start" ? 1 : 12);
  const d = day ?? (bound === "start" ? 1 : lastDay(m));
  return `${String(year).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** A date window bound: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, widened to the first (from) or last (to) day it covers. */
export function dateParam(bound: "start" | "end") {
  return z
    .string()
    .regex(datePattern, "must be a date: YYYY, YYYY-MM or YYYY-MM-DD")
    .transform((text, context) => {
      const day = dateBound(text, bound);
      if (day === undefined) {
        context.addIssue({ code: "custom", message: "is not a calendar date" });
        return z.NEVER;
      }
      return day;
    })
    .optional();
}

/** A node id such as `actor:sergey-lavrov`. */
export const nodeId = z
  .string()
  .min(3)
  .max(200)
  .regex(/^[a-z][a-z0-9-]*:[^\s]+$/, 'must be a node id such as "actor:sergey-lavrov"');

/**
 * A list of node ids given as `a,b` or repeated (`?ids=a&ids=b`), at least one and at most `max` (duplicates count once).
 * @example idList(100).parse("passage:a:1-2,passage:a:3-4") // ["passage:a:1-2", "passage:a:3-4"]
 */
export function idList(max: number) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((value) => [
      ...new Set(
        (Array.isArray(value) ? value : [value])
          .flatMap((item) => item.split(","))
          .map((item) => item.trim())
          .filter((item) => item.length > 0),
      ),
    ])
    .pipe(z.array(nodeId).min(1, "give at least one id").max(max, `give at most ${max} ids`));
}

/** An integer query parameter within bounds, with a default. */
export function boundedInt(min: number, max: number, fallback: number) {
  return z.coerce.number().int().min(min).max(max).default(fallback);
}

/** Rejects a window whose start is after its end, naming `from`. */
export function checkWindow(value: { from?: string | undefined; to?: string | undefined }, context: z.RefinementCtx) {
  if (value.from && value.to && value.from > value.to) {
    context.addIssue({ code: "custom", path: ["from"], message: "must not be after `to`" });
  }
}
