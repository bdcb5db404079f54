/** createApp(): the Express app (API + built client) with its middleware; no listening, no Neo4j start-up, so tests run it in-process. */
import { existsSync } from "node:fs";
import path from "node:path";
import express, { type Express } from "express";
import helmet from "helmet";
import { pinoHttp } from "pino-http";
import { type Config, exposure } from "./config.js";
import type { Extractor } from "./drafts/drafts.js";
import { bodyDepthGuard } from "./http/body-depth.js";
import { apiNotFound, errorHandler } from "./http/error-handler.js";
import { exposureGuards } from "./http/exposure.js";
import type { Logger } from "./lib/logger.js";
import { fromRoot } from "./lib/project-root.js";
import type { QueryRunner } from "./neo4j/query-runner.js";
import type { Neo4jStatus } from "./neo4j/supervisor.js";
import { apiRoutes } from "./routes/api.js";
import { healthRoutes } from "./routes/health.js";
import { reviewGate } from "./routes/review.js";
import { draftGate } from "./routes/sources.js";

export interface AppDeps {
  runner: QueryRunner;
  /**
   * The console's runner, on a small pool of its own (server/neo4j/console-pool.ts) so console
   * users never starve the explorer. start() always gives one; apps in tests may share `runner`.
   */
  consoleRunner?: QueryRunner;
  config: Config;
  logger: Logger;
  /** Which Neo4j the app uses, for /api/health (the URI is already redacted). */
  neo4jInfo: { mode: "bundled" | "external"; uri: string };
  /** The bundled Neo4j's supervisor state, for /api/health; undefined (or absent) for an external Neo4j. */
  neo4jStatus?: () => Neo4jStatus | undefined;
  /** Proposes actors, dates, quantities… for a new draft (server/extract/); without one, drafts have no proposals. */
  extractor?: Extractor;
  /** Folder of the built client; defaults to dist/client. */
  clientDir?: string;
}

/**
 * Builds the app. Everything it needs comes in through `deps`.
 * @example const app = createApp(deps); app.listen(0);
 */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", false);
  app.set("query parser", "simple");

  let nextId = 0;
  app.use(
    pinoHttp({
      logger: deps.logger,
      genReqId: (_req, res) => {
        const id = `${Date.now().toString(36)}-${(nextId++).toString(36)}`;
        res.setHeader("x-request-id", id);
        return id;
      },
      // One line per request: method, path (never the query string, which may hold user text), status, time.
      serializers: {
        req: (req) => ({ id: req.id, method: req.method, path: String(req.url).split("?")[0] }),
        res: (res) => ({ status: res.statusCode }),
      },
      customSuccessMessage: (req, res, time) =>
        `${req.method} ${String((req as { originalUrl?: string }).originalUrl ?? req.url).split("?")[0]} ${res.statusCode} ${Math.round(time)}ms`,
    }),
  );
  const guards = exposureGuards(exposure(deps.config));
  // Before anything is served: a page of another site rebound to this address, a request without
  // the token, or a client over its rate gets nothing, not even the client's files.
  app.use(guards.host);
  app.use(guards.token);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          "default-src": ["'self'"],
          // Cytoscape and CodeMirror set inline styles; no inline scripts are allowed.
          "style-src": ["'self'", "'unsafe-inline'"],
          "img-src": ["'self'", "data:", "blob:"],
          "connect-src": ["'self'"],
          "upgrade-insecure-requests": null,
        },
      },
    }),
  );
  app.use("/api", guards.rate);
  // Drafts: the write guard before the body is read, and bodies as large as a source may be.
  app.use("/api/sources/drafts", draftGate(deps));
  app.use("/api/sources/drafts", reviewGate(deps));
  app.use(express.json({ limit: "256kb" }));
  app.use(bodyDepthGuard());

  const api = express.Router();
  api.use(healthRoutes(deps));
  api.use(apiRoutes(deps));
  api.use(apiNotFound);
  app.use("/api", api);

  const clientDir = deps.clientDir ?? fromRoot("dist", "client");
  if (existsSync(clientDir)) {
    // Vite's hashed assets never change under one name; index.html must be revalidated so that a
    // rebuilt client is seen at once.
    app.use(
      "/assets",
      express.static(path.join(clientDir, "assets"), { immutable: true, maxAge: "1y", fallthrough: false }),
    );
    app.use(express.static(clientDir, { index: "index.html", cacheControl: true, maxAge: 0 }));
    // Client-side routes (links that reproduce a view) load the same page.
    app.get(/^\/(?!api\/).*/, (_req, res) => {
      res.setHeader("Cache-Control", "no-cache");
      res.sendFile(path.join(clientDir, "index.html"));
    });
  }
  app.use(errorHandler);
  return app;
}
