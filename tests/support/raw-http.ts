/** Requests with what fetch will not send: any Host header, a chosen loopback source address (one "client" each), a body sent in parts. */
import http from "node:http";

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  /** The body parsed as JSON, when it is JSON. */
  json: unknown;
}

export interface RawRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  /** Sent as JSON; a string is sent as it is (for JSON that JSON.stringify cannot make). */
  body?: unknown;
  /** A loopback address to send from (127.0.0.2, 127.0.0.3, …): the server sees a different client. */
  from?: string;
}

/**
 * Sends one request to `baseUrl` and resolves with the whole response.
 * @example await rawRequest(url, { path: "/api/health", headers: { host: "evil.example" } })
 */
export function rawRequest(baseUrl: string, request: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = openRequest(baseUrl, request, resolve, reject);
    req.end(
      request.body === undefined || typeof request.body === "string" ? request.body : JSON.stringify(request.body),
    );
  });
}

/**
 * Starts a request and returns it unfinished, with a promise of its response: the caller writes
 * the rest of the body when it chooses, which keeps the request in flight on the server.
 */
export function openRawRequest(
  baseUrl: string,
  request: RawRequest,
): { req: http.ClientRequest; response: Promise<RawResponse> } {
  let req: http.ClientRequest | undefined;
  const response = new Promise<RawResponse>((resolve, reject) => {
    req = openRequest(baseUrl, request, resolve, reject);
  });
  return { req: req as unknown as http.ClientRequest, response };
}

function openRequest(
  baseUrl: string,
  request: RawRequest,
  resolve: (response: RawResponse) => void,
  reject: (error: Error) => void,
): http.ClientRequest {
  const url = new URL(request.path, baseUrl);
  const req = http.request(
    {
      host: url.hostname,
      port: url.port,
      path: url.pathname + url.search,
      method: request.method ?? (request.body === undefined ? "GET" : "POST"),
      headers: {
        ...(request.body === undefined ? {} : { "content-type": "application/json" }),
        ...request.headers,
      },
      agent: false,
      ...(request.from ? { localAddress: request.from } : {}),
    },
    (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => {
        let json: unknown;
        try {
          json = res.headers["content-type"]?.includes("json") ? JSON.parse(text) : undefined;
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
      res.on("error", reject);
    },
  );
  req.on("error", reject);
  return req;
}
