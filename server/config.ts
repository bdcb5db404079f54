/** Liaison's configuration: every setting, its default and what it does, read from the environment and checked at start-up. */
import { z } from "zod";
import { StartupError } from "./lib/errors.js";
import { isAddressRange } from "./sources/address-policy.js";

const port = z.coerce.number().int().min(0).max(65535);
const positive = z.coerce.number().int().positive();
const size = z.string().regex(/^\d+[kmg]$/i, 'must be a size like "512m" or "2g"');

/** Each key: its schema (with default) and the one-line doc that the README's configuration table repeats. */
export const settings = {
  PORT: { schema: port.default(3000), doc: "Port of the web app and API." },
  HOST: {
    schema: z.string().min(1).default("127.0.0.1"),
    doc: "Address the web app binds to. Loopback by default; set `0.0.0.0` to serve other machines.",
  },
  NEO4J_URI: {
    schema: z
      .string()
      .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/.+/, "must be a bolt://, neo4j://, bolt+s:// or neo4j+s:// URI")
      .optional(),
    doc: "An existing Neo4j to use (`bolt://`, `neo4j://`, `neo4j+s://` for Aura or a cluster). Unset: the bundled Neo4j is started.",
  },
  NEO4J_USER: { schema: z.string().min(1).default("neo4j"), doc: "User for `NEO4J_URI`." },
  NEO4J_PASSWORD: {
    schema: z.string().optional(),
    doc: "Password for `NEO4J_URI`. The bundled Neo4j generates its own at first start (`.data/neo4j/auth/password`).",
  },
  NEO4J_DATABASE: {
    schema: z.string().min(1).optional(),
    doc: "Database name; unset means the server's default database.",
  },
  LIAISON_DATA_DIR: {
    schema: z.string().min(1).default(".data"),
    doc: "Folder for the bundled Neo4j's data, logs and password (relative to the repository).",
  },
  LIAISON_NEO4J_BOLT_PORT: { schema: port.default(7687), doc: "Bolt port of the bundled Neo4j (loopback only)." },
  LIAISON_NEO4J_HEAP: { schema: size.default("1g"), doc: "Maximum Java heap of the bundled Neo4j." },
  LIAISON_NEO4J_PAGE_CACHE: { schema: size.default("256m"), doc: "Page cache of the bundled Neo4j." },
  LIAISON_NEO4J_TX_MEMORY: {
    schema: size.default("512m"),
    doc: "Memory one transaction may use in the bundled Neo4j before it fails alone (at most half the heap).",
  },
  LIAISON_QUERY_TIMEOUT_MS: {
    schema: positive.default(10000),
    doc: "Transaction timeout of the explorer's own queries (the console has `LIAISON_CONSOLE_TIMEOUT_MS`).",
  },
  LIAISON_CONSOLE_TIMEOUT_MS: {
    schema: positive.default(10000),
    doc: "Transaction timeout of console queries (the explorer's own queries use `LIAISON_QUERY_TIMEOUT_MS`).",
  },
  LIAISON_CONSOLE_MAX_ROWS: {
    schema: positive.default(1000),
    doc: "Rows the console returns before it stops reading.",
  },
  LIAISON_CONSOLE_MAX_BYTES: {
    schema: positive.default(5_000_000),
    doc: "Bytes of JSON the console returns before it stops reading.",
  },
  LIAISON_CONSOLE: {
    schema: z.enum(["auto", "on", "off"]).default("auto"),
    doc: "The Cypher console: `auto` is on when `HOST` is loopback and off otherwise; `on` or `off` forces it.",
  },
  LIAISON_CONSOLE_POOL_SIZE: {
    schema: positive.max(64).default(2),
    doc: "Connections to Neo4j kept for the console alone, so console users never starve the explorer's own requests.",
  },
  LIAISON_CONSOLE_PER_CLIENT: {
    schema: positive.max(64).default(1),
    doc: "Console queries one client may have running at once; beyond it, 429 with `Retry-After`.",
  },
  LIAISON_QUERY_DEADLINE_GRACE_MS: {
    schema: positive.default(2000),
    doc: "After a query's timeout plus this grace the app gives up on Neo4j's answer, answers 408 and drops the connection.",
  },
  LIAISON_ACCESS_TOKEN: {
    schema: z.string().min(16, "must be at least 16 characters").optional(),
    doc: "Token every request must carry (`Authorization: Bearer …`, or open the app once with `?token=…` to get a cookie). Required when `HOST` is not loopback.",
  },
  LIAISON_ALLOW_UNAUTHENTICATED: {
    schema: z.stringbool().default(false),
    doc: "`true` serves a non-loopback `HOST` without a token, with a warning at start. For a private network only.",
  },
  LIAISON_ALLOWED_HOSTS: {
    schema: z.string().min(1).optional(),
    doc: "Comma-separated host names accepted in the `Host` header (guards against DNS rebinding). Loopback names are always accepted on a loopback `HOST`; required for any other `HOST`.",
  },
  LIAISON_RATE_LIMIT: {
    schema: z.coerce.number().int().min(0).optional(),
    doc: "API requests per minute per client (0 = unlimited). Default: unlimited on a loopback `HOST`, 600 otherwise.",
  },
  LIAISON_SHUTDOWN_GRACE_MS: {
    schema: z.coerce.number().int().min(0).default(10000),
    doc: "On SIGTERM or SIGINT, how long requests in flight may take to finish before connections are closed.",
  },
  LIAISON_CONSOLE_MAX_QUERY_LENGTH: {
    schema: positive.default(20_000),
    doc: "Characters a console query may have; longer ones are refused before Neo4j sees them.",
  },
  LIAISON_EDITOR_TOKEN: {
    schema: z.string().min(16, "must be at least 16 characters").optional(),
    doc: "Token that makes a request an editor (`Authorization: Bearer …` or the `?token=` cookie): only editors write (drafts of sources). It also grants reading. Unset: only the local user on a loopback `HOST` writes.",
  },
  LIAISON_LOCAL_EDITOR: {
    schema: z.stringbool().default(true),
    doc: "`true`: on a loopback `HOST` whoever reaches the app is an editor without a token. `false` requires `LIAISON_EDITOR_TOKEN` there too.",
  },
  LIAISON_SOURCE_MAX_BYTES: {
    schema: positive.default(10_000_000),
    doc: "Bytes a source may have: pasted text, an uploaded file, or a fetched URL's body. Larger ones are refused (413 `SOURCE_TOO_LARGE`).",
  },
  LIAISON_EXTRACT_MAX_BYTES: {
    schema: positive.default(100_000),
    doc: "Bytes of a draft's text (UTF-8, after normalisation) that proposals are extracted from; longer texts are refused (413 `SOURCE_TOO_LARGE`). Extraction runs on the server's event loop at about 20–40 ms a kilobyte (2 s for 100 kB measured on 2 shared cores), so the default holds a request for 2–4 s at most; the source's own limit (`LIAISON_SOURCE_MAX_BYTES`, 10 MB) would allow minutes.",
  },
  LIAISON_SOURCE_FETCH: {
    schema: z.enum(["auto", "on", "off"]).default("auto"),
    doc: "Fetching a source from a URL: `auto` is on when `HOST` is loopback and off otherwise; `on` or `off` forces it.",
  },
  LIAISON_SOURCE_FETCH_ALLOW_PRIVATE: {
    schema: z.string().min(1).optional(),
    doc: "Comma-separated addresses or CIDR ranges (e.g. `10.0.0.0/8,fd00::/8`) that source fetching may reach although they are private, loopback, link-local or otherwise not public. Unset: only public addresses.",
  },
  LIAISON_SOURCE_FETCH_TIMEOUT_MS: {
    schema: positive.default(10000),
    doc: "Time a source URL may take to answer completely, redirects included.",
  },
  LIAISON_SEED_DATASET: {
    schema: z.string().min(1).default("data/seed"),
    doc: "Dataset folder loaded at start when the database does not hold it yet; `none` to skip.",
  },
  LOG_LEVEL: {
    schema: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    doc: "Log level of the server's JSON logs.",
  },
} as const;

type Settings = typeof settings;
export type Config = { [K in keyof Settings]: z.output<Settings[K]["schema"]> };

/** Bytes in a size like "512m". */
export function sizeInBytes(size: string): number {
  const units: Record<string, number> = { k: 2 ** 10, m: 2 ** 20, g: 2 ** 30 };
  return Number.parseInt(size, 10) * (units[size.slice(-1).toLowerCase()] ?? 1);
}

const configSchema = z
  .object(
    Object.fromEntries(Object.entries(settings).map(([key, s]) => [key, s.schema])) as {
      [K in keyof Settings]: Settings[K]["schema"];
    },
  )
  .superRefine((config, context) => {
    if (sizeInBytes(config.LIAISON_NEO4J_TX_MEMORY) * 2 > sizeInBytes(config.LIAISON_NEO4J_HEAP)) {
      // Otherwise a greedy query exhausts the heap before its own limit, and takes the database down.
      context.addIssue({
        code: "custom",
        message: "must be at most half of LIAISON_NEO4J_HEAP",
        path: ["LIAISON_NEO4J_TX_MEMORY"],
      });
    }
    if (config.LIAISON_EDITOR_TOKEN && config.LIAISON_EDITOR_TOKEN === config.LIAISON_ACCESS_TOKEN) {
      // One token for both would make every reader an editor.
      context.addIssue({
        code: "custom",
        message: "must differ from LIAISON_ACCESS_TOKEN",
        path: ["LIAISON_EDITOR_TOKEN"],
      });
    }
    for (const entry of (config.LIAISON_SOURCE_FETCH_ALLOW_PRIVATE ?? "").split(",").filter((e) => e.trim())) {
      if (!isAddressRange(entry.trim())) {
        context.addIssue({
          code: "custom",
          message: `"${entry.trim()}" is not an IP address or CIDR range (e.g. 10.0.0.0/8)`,
          path: ["LIAISON_SOURCE_FETCH_ALLOW_PRIVATE"],
        });
      }
    }
    if (isLoopbackHost(config.HOST)) return;
    if (!config.LIAISON_ACCESS_TOKEN && !config.LIAISON_ALLOW_UNAUTHENTICATED) {
      context.addIssue({
        code: "custom",
        message: `HOST ${config.HOST} serves other machines: set an access token of 16+ characters (e.g. \`openssl rand -base64 24\`), or LIAISON_ALLOW_UNAUTHENTICATED=true to serve without one`,
        path: ["LIAISON_ACCESS_TOKEN"],
      });
    }
    if (!config.LIAISON_ALLOWED_HOSTS) {
      context.addIssue({
        code: "custom",
        message: `HOST ${config.HOST} serves other machines: list the host names people use to reach it (e.g. liaison.example.org,10.0.0.5)`,
        path: ["LIAISON_ALLOWED_HOSTS"],
      });
    }
  });

/**
 * True for addresses only this machine can reach: 127.0.0.0/8, ::1 and `localhost`.
 * @example isLoopbackHost("0.0.0.0") === false
 */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, "").toLowerCase();
  return bare === "localhost" || bare === "::1" || /^127(\.\d{1,3}){3}$/.test(bare);
}

/** What the server exposes, derived from HOST and the exposure settings. */
export interface Exposure {
  loopback: boolean;
  console: boolean;
  /** Requests per minute per client; 0 for unlimited. */
  rateLimit: number;
  /** Host names accepted in the Host header, lower case, without port. */
  allowedHosts: string[];
  token: string | undefined;
  /** The editor token (grants reading and writing), when configured. */
  editorToken: string | undefined;
  /** Whether whoever reaches the app is an editor without a token (a loopback HOST, LIAISON_LOCAL_EDITOR). */
  localEditor: boolean;
  /** Whether sources may be fetched from URLs. */
  sourceFetch: boolean;
}

/**
 * Derives what the server exposes from the configuration.
 * @example exposure(loadConfig({})).console === true
 */
export function exposure(config: Config): Exposure {
  const loopback = isLoopbackHost(config.HOST);
  const configured = (config.LIAISON_ALLOWED_HOSTS ?? "")
    .split(",")
    .map((name) =>
      name
        .trim()
        .toLowerCase()
        .replace(/^\[|\]$/g, ""),
    )
    .filter(Boolean);
  return {
    loopback,
    console: config.LIAISON_CONSOLE === "auto" ? loopback : config.LIAISON_CONSOLE === "on",
    rateLimit: config.LIAISON_RATE_LIMIT ?? (loopback ? 0 : 600),
    allowedHosts: loopback
      ? [
          ...new Set([
            "localhost",
            "127.0.0.1",
            "::1",
            config.HOST.toLowerCase().replace(/^\[|\]$/g, ""),
            ...configured,
          ]),
        ]
      : configured,
    token: config.LIAISON_ACCESS_TOKEN,
    editorToken: config.LIAISON_EDITOR_TOKEN,
    localEditor: loopback && config.LIAISON_LOCAL_EDITOR,
    sourceFetch: config.LIAISON_SOURCE_FETCH === "auto" ? loopback : config.LIAISON_SOURCE_FETCH === "on",
  };
}

/**
 * Reads and checks the configuration; a bad value stops start-up with one message per key.
 * @example loadConfig({ PORT: "8080" }).PORT === 8080
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const picked = Object.fromEntries(Object.keys(settings).map((key) => [key, env[key] === "" ? undefined : env[key]]));
  const parsed = configSchema.safeParse(picked);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new StartupError("CONFIG_INVALID", `Configuration is invalid:\n  ${problems.join("\n  ")}`);
  }
  return parsed.data as Config;
}

/** The URI with any password in it replaced, for messages and logs. */
export function redactUri(uri: string): string {
  return uri.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");
}
