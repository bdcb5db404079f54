/** Refuses JSON bodies nested deeper than a bound before any validator recurses into them (a few thousand levels overflowed zod's stack). */
import type { RequestHandler } from "express";
import { BadRequestError } from "../lib/errors.js";

/** Deeper than any body the API takes: console parameters are maps of lists of maps, a few levels. */
export const MAX_BODY_DEPTH = 32;

/**
 * How deep a parsed JSON value nests, counted without recursion and stopping once past `limit`.
 * @example jsonDepth({ a: [1, { b: 2 }] }) === 3
 */
export function jsonDepth(value: unknown, limit = Number.POSITIVE_INFINITY): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (current === null || typeof current !== "object") continue;
    deepest = Math.max(deepest, depth);
    if (deepest > limit) return deepest;
    for (const child of Array.isArray(current) ? current : Object.values(current)) {
      if (child !== null && typeof child === "object") stack.push([child, depth + 1]);
    }
  }
  return deepest;
}

/** 400 for a body nested deeper than `limit`, naming the body and the bound. */
export function bodyDepthGuard(limit = MAX_BODY_DEPTH): RequestHandler {
  return (req, _res, next) => {
    if (req.body !== undefined && jsonDepth(req.body, limit) > limit) {
      next(
        new BadRequestError(`${req.method} ${req.path}: the body is nested deeper than ${limit} levels.`, [
          { parameter: "body", in: "body", message: `nested deeper than ${limit} levels` },
        ]),
      );
      return;
    }
    next();
  };
}
