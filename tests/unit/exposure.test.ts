import { describe, expect, test } from "vitest";
import { exposure, isLoopbackHost, loadConfig } from "../../server/config.js";
import { hostName } from "../../server/http/exposure.js";
import { jsonDepth } from "../../server/lib/json-depth.js";
import { exposureWarnings } from "../../server/main.js";

const TOKEN = "sixteen-chars-or-more-token";

describe("isLoopbackHost", () => {
  test("when the address is only reachable from this machine, then it is loopback", () => {
    for (const host of ["127.0.0.1", "127.1.2.3", "localhost", "LOCALHOST", "::1", "[::1]"]) {
      expect(isLoopbackHost(host), host).toBe(true);
    }
  });
  test("when the address serves other machines, then it is not", () => {
    for (const host of [
      "0.0.0.0",
      "::",
      "10.0.0.5",
      "192.168.1.2",
      "example.org",
      "127.0.0.1.example.org",
      "128.0.0.1",
    ]) {
      expect(isLoopbackHost(host), host).toBe(false);
    }
  });
});

describe("exposure", () => {
  test("when HOST is loopback, then the console is on, the rate is unlimited and loopback names are accepted", () => {
    expect(exposure(loadConfig({}))).toEqual({
      loopback: true,
      console: true,
      rateLimit: 0,
      allowedHosts: ["localhost", "127.0.0.1", "::1"],
      token: undefined,
      editorToken: undefined,
      localEditor: true,
      sourceFetch: true,
    });
  });

  test("when HOST serves other machines, then the console is off, the rate limited and only configured names accepted", () => {
    const exposed = exposure(
      loadConfig({
        HOST: "0.0.0.0",
        LIAISON_ACCESS_TOKEN: TOKEN,
        LIAISON_ALLOWED_HOSTS: " Liaison.Example.org , [fd00::1]",
      }),
    );
    expect(exposed).toEqual({
      loopback: false,
      console: false,
      rateLimit: 600,
      allowedHosts: ["liaison.example.org", "fd00::1"],
      token: TOKEN,
      editorToken: undefined,
      localEditor: false,
      sourceFetch: false,
    });
  });

  test("when the operator says so, then the console and rate follow the settings", () => {
    const config = loadConfig({
      HOST: "0.0.0.0",
      LIAISON_ACCESS_TOKEN: TOKEN,
      LIAISON_ALLOWED_HOSTS: "a.example",
      LIAISON_CONSOLE: "on",
      LIAISON_RATE_LIMIT: "0",
    });
    expect(exposure(config)).toMatchObject({ console: true, rateLimit: 0 });
    expect(exposure(loadConfig({ LIAISON_CONSOLE: "off" })).console).toBe(false);
  });

  test("when HOST serves other machines without a token or host names, then start-up names both settings", () => {
    expect(() => loadConfig({ HOST: "0.0.0.0" })).toThrowError(
      expect.objectContaining({
        code: "CONFIG_INVALID",
        message: expect.stringMatching(/LIAISON_ACCESS_TOKEN[\s\S]*LIAISON_ALLOWED_HOSTS/),
      }),
    );
    expect(() =>
      loadConfig({ HOST: "0.0.0.0", LIAISON_ACCESS_TOKEN: "short", LIAISON_ALLOWED_HOSTS: "a" }),
    ).toThrowError(expect.objectContaining({ message: expect.stringContaining("at least 16 characters") }));
  });

  test("when the operator opts out of the token, then start-up goes on and warns", () => {
    const config = loadConfig({
      HOST: "0.0.0.0",
      LIAISON_ALLOW_UNAUTHENTICATED: "true",
      LIAISON_ALLOWED_HOSTS: "a.example",
    });
    expect(exposureWarnings(config).join("\n")).toMatch(/no access token/);
    expect(exposureWarnings(loadConfig({}))).toEqual([]);
  });
});

describe("hostName", () => {
  test("when a Host header has a port, brackets or capitals, then the bare lower-case name is compared", () => {
    expect(hostName("Example.ORG:3000")).toBe("example.org");
    expect(hostName("[::1]:3000")).toBe("::1");
    expect(hostName("[::1]")).toBe("::1");
    expect(hostName("10.0.0.5")).toBe("10.0.0.5");
    expect(hostName(undefined)).toBe("");
  });
});

describe("jsonDepth", () => {
  test("when values nest, then the depth counts objects and arrays", () => {
    expect(jsonDepth(1)).toBe(0);
    expect(jsonDepth({})).toBe(1);
    expect(jsonDepth({ a: [1, { b: 2 }] })).toBe(3);
    expect(jsonDepth([[], [[[]]]])).toBe(4);
  });
  test("when a value nests far deeper than the limit, then counting stops past the limit without recursion", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    expect(jsonDepth(deep, 32)).toBe(33);
  });
});
