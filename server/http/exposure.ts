/** The guards in front of everything the server serves: Host names (against DNS rebinding), the access token, the per-client rate limit. */
import { createHash, timingSafeEqual } from "node:crypto";
import type { Request, RequestHandler } from "express";
import { rateLimit } from "express-rate-limit";
import type { Exposure } from "../config.js";
import { ForbiddenError, TooManyRequestsError, UnauthorizedError } from "../lib/errors.js";

/** The cookie a browser gets after opening the app once with `?token=…`. */
const TOKEN_COOKIE = "liaison_token";

/**
 * The host name of a Host header, lower case, without port or IPv6 brackets.
 * @example hostName("[::1]:3000") === "::1"; hostName("Example.org:80") === "example.org"
 */
export function hostName(header: string | undefined): string {
  const value = (header ?? "").trim().toLowerCase();
  if (value.startsWith("[")) return value.slice(1, value.indexOf("]") > 0 ? value.indexOf("]") : undefined);
  return value.replace(/:\d*$/, "");
}

/**
 * Refuses requests whose Host header names a host the server does not serve: a page on another
 * site that rebinds its own name to this server's address cannot read the API.
 */
function hostGuard(allowedHosts: readonly string[]): RequestHandler {
  const allowed = new Set(allowedHosts);
  return (req, _res, next) => {
    const name = hostName(req.headers.host);
    if (allowed.has(name)) return next();
    next(
      new ForbiddenError(
        "HOST_NOT_ALLOWED",
        `${req.method} ${req.path}: the Host "${name.slice(0, 100)}" is not one this server answers to; add it to LIAISON_ALLOWED_HOSTS if it should be.`,
      ),
    );
  };
}

const digest = (text: string) => createHash("sha256").update(text).digest();

/** The token a request carries: `Authorization: Bearer …`, else the cookie. */
export function presentedToken(req: Request): string | undefined {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? "")?.[1];
  if (bearer) return bearer;
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === TOKEN_COOKIE) return decodeURIComponent(value.join("="));
  }
  return undefined;
}

/**
 * True when `candidate` is `token`, compared in constant time.
 * @example tokenMatches("a", "a") === true; tokenMatches(undefined, "a") === false
 */
export function tokenMatches(candidate: string | undefined, token: string | undefined): boolean {
  return candidate !== undefined && token !== undefined && timingSafeEqual(digest(candidate), digest(token));
}

/**
 * Requires the access token on every request when one is configured; the editor token, which
 * grants writing, grants reading too. A page opened as
 * `/…?token=…` with the right token gets an HttpOnly, SameSite=Strict cookie and is redirected
 * to the same address without the token, so it never stays in the address bar or history.
 */
function tokenGuard(token: string | undefined, editorToken?: string | undefined): RequestHandler {
  if (!token && !editorToken) return (_req, _res, next) => next();
  const matches = (candidate: string | undefined) =>
    tokenMatches(candidate, token) || tokenMatches(candidate, editorToken);
  return (req, res, next) => {
    const fromQuery = typeof req.query.token === "string" ? req.query.token : undefined;
    if (req.method === "GET" && !req.path.startsWith("/api/") && matches(fromQuery)) {
      const url = new URL(req.originalUrl, "http://placeholder");
      url.searchParams.delete("token");
      res.cookie(TOKEN_COOKIE, fromQuery, { httpOnly: true, sameSite: "strict", secure: req.secure, path: "/" });
      res.redirect(303, url.pathname + url.search);
      return;
    }
    // Without an access token (a loopback server, or LIAISON_ALLOW_UNAUTHENTICATED) anyone reads.
    if (!token || matches(presentedToken(req))) return next();
    next(
      new UnauthorizedError(
        `${req.method} ${req.path}: this server needs its access token (Authorization: Bearer …, or open the link you were given, which ends in ?token=…).`,
      ),
    );
  };
}

/** Per-client request rate over one minute (express-rate-limit, in this instance's memory); 0 turns it off. */
function rateGuard(perMinute: number): RequestHandler {
  if (perMinute <= 0) return (_req, _res, next) => next();
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    handler: (req, res, next, options) => {
      const reset = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const retryAfter = Math.max(
        1,
        Math.ceil(((reset?.getTime() ?? Date.now() + options.windowMs) - Date.now()) / 1000),
      );
      res.setHeader("Retry-After", String(retryAfter));
      next(
        new TooManyRequestsError(
          "RATE_LIMITED",
          `${req.method} ${req.path}: more than ${perMinute} requests a minute from this client; try again in ${retryAfter} s.`,
          retryAfter,
        ),
      );
    },
  });
}

/** All three, in the order they run: Host, token, rate. */
export function exposureGuards(exposure: Exposure): {
  host: RequestHandler;
  token: RequestHandler;
  rate: RequestHandler;
} {
  return {
    host: hostGuard(exposure.allowedHosts),
    token: tokenGuard(exposure.token, exposure.editorToken),
    rate: rateGuard(exposure.rateLimit),
  };
}
