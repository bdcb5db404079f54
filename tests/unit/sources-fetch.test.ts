import { describe, expect, test } from "vitest";
import { exposure, loadConfig } from "../../server/config.js";
import { addressPolicy } from "../../server/sources/address-policy.js";
import { fetchSource } from "../../server/sources/fetch-url.js";

const options = (addresses: string[]) => ({
  policy: addressPolicy(undefined),
  timeoutMs: 1000,
  maxBytes: 1000,
  resolve: async () => addresses,
});

describe("fetchSource", () => {
  test("when a host name resolves to a private address, then it is refused before any connection", async () => {
    await expect(fetchSource("http://intranet.example/", options(["10.0.0.7"]))).rejects.toMatchObject({
      code: "SOURCE_FETCH_BLOCKED",
      details: { input: "url", host: "intranet.example", address: "10.0.0.7", reason: "private" },
    });
  });

  test("when a host name resolves to a public and a loopback address, then it is refused (every address must pass)", async () => {
    await expect(
      fetchSource("https://rebind.example/a", options(["93.184.216.34", "127.0.0.1"])),
    ).rejects.toMatchObject({
      code: "SOURCE_FETCH_BLOCKED",
      details: { address: "127.0.0.1" },
    });
  });

  test("when a host name does not resolve, then SOURCE_FETCH_FAILED names the host", async () => {
    await expect(fetchSource("http://nowhere.example/", options([]))).rejects.toMatchObject({
      code: "SOURCE_FETCH_FAILED",
      details: { input: "url", host: "nowhere.example" },
    });
  });
});

describe("configuration of writing and fetching", () => {
  test("when the editor token equals the access token, then start-up refuses it", () => {
    expect(() =>
      loadConfig({ LIAISON_ACCESS_TOKEN: "the-same-token-twice", LIAISON_EDITOR_TOKEN: "the-same-token-twice" }),
    ).toThrow(/LIAISON_EDITOR_TOKEN: must differ/);
  });

  test("when LIAISON_SOURCE_FETCH_ALLOW_PRIVATE holds something that is not an address or range, then start-up names it", () => {
    expect(() => loadConfig({ LIAISON_SOURCE_FETCH_ALLOW_PRIVATE: "10.0.0.0/8,intranet" })).toThrow(
      /LIAISON_SOURCE_FETCH_ALLOW_PRIVATE: "intranet" is not an IP address/,
    );
  });

  test("when HOST is loopback, then the local user is an editor and fetching is on, unless turned off", () => {
    expect(exposure(loadConfig({}))).toMatchObject({ localEditor: true, sourceFetch: true });
    expect(exposure(loadConfig({ LIAISON_LOCAL_EDITOR: "false", LIAISON_SOURCE_FETCH: "off" }))).toMatchObject({
      localEditor: false,
      sourceFetch: false,
    });
  });

  test("when HOST serves other machines, then nobody is a local editor, even if LIAISON_LOCAL_EDITOR says true, and fetching is off unless on", () => {
    const exposed = {
      HOST: "0.0.0.0",
      LIAISON_ACCESS_TOKEN: "a-reader-token-16+",
      LIAISON_ALLOWED_HOSTS: "liaison.example.org",
      LIAISON_LOCAL_EDITOR: "true",
    };
    expect(exposure(loadConfig(exposed))).toMatchObject({ localEditor: false, sourceFetch: false });
    expect(exposure(loadConfig({ ...exposed, LIAISON_SOURCE_FETCH: "on" }))).toMatchObject({ sourceFetch: true });
  });
});
