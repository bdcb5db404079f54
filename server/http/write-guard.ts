/**
 * Who may write, and from where: a write must come from this app's own pages or a script (never a
 * page of another site), carry the header a form cannot send, and come from an editor — the local
 * user of a loopback server, or the holder of the editor token.
 */
import type { Request, RequestHandler, Response } from "express";
import type { Exposure } from "../config.js";
import type { Editor } from "../drafts/drafts.js";
import { WriteRefusedError } from "../lib/errors.js";
import { hostName, presentedToken, tokenMatches } from "./exposure.js";

/**
 * The header every write must carry. A cross-site form cannot set a header, and a cross-site
 * script that sets one needs a CORS preflight, which this server never grants.
 */
const WRITE_HEADER = "x-liaison-write";

/** Which editor sent the request; undefined when it is not an editor. */
function editorOf(req: Request, exposure: Exposure): Editor | undefined {
  if (tokenMatches(presentedToken(req), exposure.editorToken)) return "editor-token";
  return exposure.localEditor ? "local" : undefined;
}

/**
 * The editor the write guard admitted, for the handler and its audit line. A write handler reached
 * without the guard (mounted elsewhere by mistake) is refused rather than attributed to anyone.
 */
export function admittedEditor(res: Response): Editor {
  const editor = res.locals.editor as Editor | undefined;
  if (!editor) throw new WriteRefusedError("EDITOR_REQUIRED", "This write did not pass the write guard.");
  return editor;
}

/** Why a request comes from another site, or undefined when it does not. */
function crossSite(req: Request): string | undefined {
  // Browsers send Sec-Fetch-Site on every request; "none" is the user's own action (the address bar).
  const site = req.headers["sec-fetch-site"];
  if (site !== undefined && site !== "same-origin" && site !== "none") return `Sec-Fetch-Site is "${site}"`;
  const origin = req.headers.origin;
  if (origin === undefined) return undefined; // Scripts and command-line tools send none.
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return `Origin "${origin.slice(0, 100)}" is not an origin`;
  }
  // The Host guard already checked that the Host header names this server: the Origin must be
  // that same host and port (a page on another port of the same machine is another site).
  const defaultPort = url.protocol === "https:" ? "443" : "80";
  const hostPort = /:(\d+)$/.exec((req.headers.host ?? "").trim())?.[1] ?? defaultPort;
  const sameHost = url.hostname.replace(/^\[|\]$/g, "").toLowerCase() === hostName(req.headers.host);
  if (!sameHost || (url.port || defaultPort) !== hostPort) return `Origin "${origin.slice(0, 100)}" is another site`;
  return undefined;
}

/**
 * Admits a write or refuses it with 403: CROSS_SITE_REQUEST, WRITE_HEADER_MISSING or EDITOR_REQUIRED
 * (each refusal is an audit line, written by the error handler). Runs before the body is read.
 */
export function writeGuard(exposure: Exposure): RequestHandler {
  return (req, res, next) => {
    const where = `${req.method} ${req.originalUrl.split("?")[0]}`;
    const why = crossSite(req);
    if (why) {
      next(
        new WriteRefusedError("CROSS_SITE_REQUEST", `${where}: refused, the request comes from another site (${why}).`),
      );
      return;
    }
    if (req.headers[WRITE_HEADER] !== "1") {
      next(
        new WriteRefusedError(
          "WRITE_HEADER_MISSING",
          `${where}: writes must carry the header "X-Liaison-Write: 1" (a protection against other sites' forms).`,
        ),
      );
      return;
    }
    const editor = editorOf(req, exposure);
    if (!editor) {
      next(
        new WriteRefusedError(
          "EDITOR_REQUIRED",
          exposure.editorToken
            ? `${where}: only editors write; send the editor token (LIAISON_EDITOR_TOKEN) as Authorization: Bearer ….`
            : `${where}: only editors write, and this server has none: set LIAISON_EDITOR_TOKEN (or serve on loopback with LIAISON_LOCAL_EDITOR=true).`,
        ),
      );
      return;
    }
    res.locals.editor = editor;
    next();
  };
}
