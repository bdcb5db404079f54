/** Reads a V8 CPU profile (.cpuprofile JSON): self time by function and by part of the stack (zod, driver, Express, the app's modules…), and inclusive time of named functions. */

/** The parts of a `.cpuprofile` this summary reads. */
export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    hitCount?: number;
    children?: number[];
  }[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface ProfileSummary {
  /** Wall time profiled, ms. */
  totalMs: number;
  /** Time not idle (every sample but `(idle)`), ms. */
  busyMs: number;
  /** Self time by part, ms, largest first. */
  parts: { part: string; ms: number }[];
  /** Self time by function, ms, largest first. */
  functions: { name: string; part: string; ms: number }[];
  /** Inclusive time (self and callees, each sample counted once) of the functions asked for, ms. */
  inclusive: { name: string; ms: number }[];
}

/** Which part of the stack a frame's code belongs to, from its script's URL. */
export function partOf(url: string, functionName: string): string {
  if (url === "") return functionName.startsWith("(") ? functionName : `native ${functionName || "(anonymous)"}`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1];
  if (pkg) {
    if (pkg.startsWith("neo4j-driver")) return "neo4j-driver";
    if (pkg === "pino" || pkg === "pino-http" || pkg.startsWith("pino-") || pkg === "sonic-boom") return "logging";
    if (["express", "router", "body-parser", "send", "finalhandler", "serve-static", "qs"].includes(pkg))
      return "express";
    return pkg;
  }
  const app = /\/dist\/((?:server|common|bench)\/.+?)\.js/.exec(url)?.[1];
  if (app) return app;
  if (url.startsWith("node:"))
    return `node ${
      url
        .slice(5)
        .replace(/^internal\//, "")
        .split("/")[0]
    }`;
  return url;
}

/**
 * Summarises a profile; `inclusiveOf` names functions (e.g. `decodeRows`) whose time with their
 * callees is wanted.
 */
export function summariseProfile(profile: CpuProfile, inclusiveOf: readonly string[] = []): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  // Time of each sample: the delta to the next one (the last gets the mean).
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const totalUs = profile.endTime - profile.startTime;
  const mean = samples.length > 0 ? totalUs / samples.length : 0;
  const selfUs = new Map<number, number>();
  samples.forEach((id, index) => {
    const us = index + 1 < deltas.length ? (deltas[index + 1] ?? mean) : mean;
    selfUs.set(id, (selfUs.get(id) ?? 0) + us);
  });

  const parts = new Map<string, number>();
  const functions = new Map<string, { part: string; us: number }>();
  let idleUs = 0;
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    if (frame.functionName === "(idle)") idleUs += us;
    const part = partOf(frame.url, frame.functionName);
    parts.set(part, (parts.get(part) ?? 0) + us);
    const file = frame.url.split("/").slice(-1)[0] ?? "";
    const name = `${frame.functionName || "(anonymous)"} ${file}${file ? `:${frame.lineNumber + 1}` : ""}`;
    const entry = functions.get(name) ?? { part, us: 0 };
    entry.us += us;
    functions.set(name, entry);
  }

  // Inclusive: a sample counts for a function when the function is anywhere on its stack.
  const inclusive = new Map<string, number>(inclusiveOf.map((name) => [name, 0]));
  if (inclusiveOf.length > 0) {
    const wanted = new Set(inclusiveOf);
    for (const [id, us] of selfUs) {
      const seen = new Set<string>();
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const name = byId.get(at)?.callFrame.functionName ?? "";
        if (wanted.has(name) && !seen.has(name)) {
          seen.add(name);
          inclusive.set(name, (inclusive.get(name) ?? 0) + us);
        }
      }
    }
  }
  const ms = (us: number) => Math.round(us / 100) / 10;
  return {
    totalMs: ms(totalUs),
    busyMs: ms(totalUs - idleUs),
    parts: [...parts].map(([part, us]) => ({ part, ms: ms(us) })).sort((a, b) => b.ms - a.ms),
    functions: [...functions].map(([name, { part, us }]) => ({ name, part, ms: ms(us) })).sort((a, b) => b.ms - a.ms),
    inclusive: [...inclusive].map(([name, us]) => ({ name, ms: ms(us) })),
  };
}

/** The summary as lines: parts and functions with their share of the busy time, per request when `requests` is given. */
export function formatSummary(summary: ProfileSummary, top = 15, requests?: number): string[] {
  const share = (ms: number) => `${((100 * ms) / Math.max(summary.busyMs, 0.001)).toFixed(1).padStart(5)}%`;
  const each = (ms: number) => (requests ? `${((1000 * ms) / requests).toFixed(0).padStart(7)} µs/req` : "");
  const lines = [`  busy ${summary.busyMs} ms of ${summary.totalMs} ms${requests ? ` (${requests} requests)` : ""}`];
  lines.push("  self time by part:");
  for (const { part, ms } of summary.parts.filter((p) => p.part !== "(idle)").slice(0, top))
    lines.push(`    ${share(ms)} ${each(ms)}  ${part}`);
  lines.push("  self time by function:");
  for (const { name, part, ms } of summary.functions.filter((f) => f.part !== "(idle)").slice(0, top))
    lines.push(`    ${share(ms)} ${each(ms)}  ${name} [${part}]`);
  if (summary.inclusive.length > 0) {
    lines.push("  inclusive:");
    for (const { name, ms } of summary.inclusive) lines.push(`    ${share(ms)} ${each(ms)}  ${name}`);
  }
  return lines;
}
