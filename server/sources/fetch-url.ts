/**
 * Fetches a source's URL without letting it reach what it should not: the host is resolved here and
 * the connection goes to the very address that was checked (no second lookup to rebind), every
 * redirect is checked again, and size, time and content type are bounded.
 */
import { lookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import zlib from "node:zlib";
import ipaddr from "ipaddr.js";
import { SourceError } from "../lib/errors.js";
import type { AddressPolicy } from "./address-policy.js";

/** Content types a source may have, by what the intake does with them. */
const FETCHABLE_TYPES = ["text/html", "application/xhtml+xml", "text/plain", "application/pdf"] as const;

export interface FetchOptions {
  policy: AddressPolicy;
  timeoutMs: number;
  maxBytes: number;
  maxRedirects?: number;
  /** Resolves a host name to its addresses; DNS by default (tests give their own). */
  resolve?: (host: string) => Promise<string[]>;
}

export interface Fetched {
  bytes: Buffer;
  /** The media type without parameters, lower case, e.g. "text/html". */
  mediaType: string;
  charset: string | undefined;
  /** The URL the body came from, after redirects. */
  url: string;
}

const INPUT = "url";
const fail = (status: number, code: ConstructorParameters<typeof SourceError>[1], message: string, extra = {}) =>
  new SourceError(status, code, message, { input: INPUT, ...extra });

const dnsResolve = async (host: string) => (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

/** Rejects when `signal` aborts: DNS lookups cannot be cancelled, but the fetch need not wait for them. */
function aborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(new Error("aborted"));
    signal.addEventListener("abort", () => reject(new Error("aborted")), { once: true });
  });
}

/** The address to connect to for `url`, after checking every address its host has. */
async function checkedAddress(url: URL, options: FetchOptions, signal: AbortSignal): Promise<string> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  // The URL parser already turned 2130706433, 0x7f.1 and 017700000001 into 127.0.0.1.
  const addresses = ipaddr.isValid(host)
    ? [host]
    : await Promise.race([(options.resolve ?? dnsResolve)(host).catch(() => []), aborted(signal)]);
  if (addresses.length === 0)
    throw fail(422, "SOURCE_FETCH_FAILED", `The url's host "${host}" could not be resolved.`, { host });
  for (const address of addresses) {
    const why = options.policy.refusal(address);
    if (why) {
      // Every address must pass: which one a client would use is not ours to guess.
      throw fail(
        403,
        "SOURCE_FETCH_BLOCKED",
        `The url's host "${host}" is at ${address} (${why}), which this server does not fetch from; LIAISON_SOURCE_FETCH_ALLOW_PRIVATE can allow it.`,
        { host, address, reason: why },
      );
    }
  }
  return addresses[0] as string;
}

function parseUrl(text: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    throw fail(400, "SOURCE_FETCH_FAILED", `The url "${text.slice(0, 200)}" is not a valid URL.`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw fail(400, "SOURCE_FETCH_BLOCKED", `The url must be http or https, not ${url.protocol.replace(/:$/, "")}.`);
  }
  if (url.username || url.password)
    throw fail(400, "SOURCE_FETCH_BLOCKED", "The url must not carry a user name or password.");
  return url;
}

/** One request to an already checked address; resolves with the response's head. */
function request(url: URL, address: string, signal: AbortSignal): Promise<http.IncomingMessage> {
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      {
        host: address,
        port: url.port || (url.protocol === "https:" ? 443 : 80),
        path: `${url.pathname}${url.search}`,
        method: "GET",
        // The certificate is checked against the name, the socket goes to the checked address.
        servername: ipaddr.isValid(url.hostname.replace(/^\[|\]$/g, "")) ? undefined : url.hostname,
        headers: {
          host: url.host,
          "user-agent": "Liaison source intake",
          accept: "text/html, application/xhtml+xml, application/pdf, text/plain;q=0.9",
          "accept-encoding": "gzip, deflate, br",
        },
        signal,
      },
      resolve,
    );
    req.on("error", reject);
    req.end();
  });
}

/** The body, decompressed, refused past `maxBytes` (counted after decompression: no zip bombs). */
async function readBody(response: http.IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers["content-length"]);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  const encoding = String(response.headers["content-encoding"] ?? "identity").toLowerCase();
  const decoder =
    encoding === "gzip" || encoding === "x-gzip"
      ? zlib.createGunzip()
      : encoding === "deflate"
        ? zlib.createInflate()
        : encoding === "br"
          ? zlib.createBrotliDecompress()
          : undefined;
  if (!decoder && encoding !== "identity") {
    response.destroy();
    throw fail(
      415,
      "SOURCE_UNSUPPORTED_TYPE",
      `The url answered in an encoding this server does not read (${encoding}).`,
    );
  }
  const stream = decoder ? response.pipe(decoder) : response;
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > maxBytes) throw tooLarge(maxBytes);
      chunks.push(chunk);
    }
  } finally {
    response.destroy();
    decoder?.destroy();
  }
  return Buffer.concat(chunks);
}

const tooLarge = (maxBytes: number) =>
  fail(413, "SOURCE_TOO_LARGE", `The url's content is larger than ${maxBytes} bytes (LIAISON_SOURCE_MAX_BYTES).`, {
    maxBytes,
  });

/**
 * Fetches `rawUrl` under `options`; every failure is a SourceError naming the url.
 * @example await fetchSource("https://example.org/a", { policy: addressPolicy(undefined), timeoutMs: 10000, maxBytes: 1e7 })
 */
export async function fetchSource(rawUrl: string, options: FetchOptions): Promise<Fetched> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  let url = parseUrl(rawUrl);
  try {
    for (let redirects = 0; ; redirects += 1) {
      const address = await checkedAddress(url, options, controller.signal);
      const response = await request(url, address, controller.signal);
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400 && response.headers.location) {
        response.destroy();
        if (redirects >= (options.maxRedirects ?? 5)) {
          throw fail(422, "SOURCE_FETCH_FAILED", `The url redirected more than ${options.maxRedirects ?? 5} times.`);
        }
        url = parseUrl(response.headers.location, url);
        continue;
      }
      if (status < 200 || status >= 300) {
        response.destroy();
        throw fail(422, "SOURCE_FETCH_FAILED", `The url answered HTTP ${status}.`, { httpStatus: status });
      }
      const [type = "", ...parameters] = String(response.headers["content-type"] ?? "").split(";");
      const mediaType = type.trim().toLowerCase();
      if (!(FETCHABLE_TYPES as readonly string[]).includes(mediaType)) {
        response.destroy();
        throw fail(
          415,
          "SOURCE_UNSUPPORTED_TYPE",
          `The url's content type is "${mediaType.slice(0, 100) || "none"}"; a source must be one of ${FETCHABLE_TYPES.join(", ")}.`,
          { mediaType },
        );
      }
      const charset = parameters
        .map((p) => /^\s*charset\s*=\s*"?([^";]+)"?/i.exec(p)?.[1])
        .find(Boolean)
        ?.toLowerCase();
      return { bytes: await readBody(response, options.maxBytes), mediaType, charset, url: url.href };
    }
  } catch (error) {
    if (error instanceof SourceError) throw error;
    if (controller.signal.aborted) {
      throw fail(422, "SOURCE_FETCH_TIMEOUT", `The url did not answer completely within ${options.timeoutMs} ms.`, {
        timeoutMs: options.timeoutMs,
      });
    }
    const code = (error as NodeJS.ErrnoException).code;
    throw fail(
      422,
      "SOURCE_FETCH_FAILED",
      `The url could not be fetched${code ? ` (${code})` : ""}.`,
      code ? { cause: code } : {},
    );
  } finally {
    clearTimeout(timer);
  }
}
