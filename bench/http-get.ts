/** One GET through HTTP, the whole body read, failing on any status but 200 (a benchmark of errors measures nothing). */

/** Fetches `url` and resolves with the body's size in bytes. */
export async function httpGet(url: string): Promise<number> {
  const response = await fetch(url);
  const body = await response.arrayBuffer();
  if (response.status !== 200) {
    throw new Error(
      `bench: GET ${url} answered ${response.status}: ${Buffer.from(body).toString("utf8").slice(0, 300)}`,
    );
  }
  return body.byteLength;
}
