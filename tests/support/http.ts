/** Runs an Express app in-process on port 0 for a test and gives plain fetch helpers. */
import type { Server } from "node:http";
import type { Express } from "express";

export interface TestServer {
  url: string;
  get(path: string): Promise<{ status: number; body: unknown }>;
  post(path: string, body: unknown): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

export async function serve(app: Express): Promise<TestServer> {
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  const asJson = async (response: Response) => ({
    status: response.status,
    body: response.headers.get("content-type")?.includes("json") ? await response.json() : await response.text(),
  });
  return {
    url,
    get: (path) => fetch(url + path).then(asJson),
    post: (path, body) =>
      fetch(url + path, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: typeof body === "string" ? body : JSON.stringify(body),
      }).then(asJson),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
