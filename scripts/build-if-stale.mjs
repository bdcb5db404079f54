// Builds the server (tsc) and the client (vite) only when their sources are newer than the build.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function newestMtime(entries) {
  let newest = 0;
  for (const entry of entries) {
    const full = path.join(root, entry);
    if (!existsSync(full)) continue;
    const stat = statSync(full);
    if (stat.isDirectory()) {
      newest = Math.max(newest, newestMtime(readdirSync(full).map((name) => path.join(entry, name))));
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  }
  return newest;
}

function isStale(output, sources) {
  const target = path.join(root, output);
  return !existsSync(target) || statSync(target).mtimeMs < newestMtime(sources);
}

/** Runs a build, then marks `stamp` as built now (tsc leaves unchanged outputs untouched, so their times say nothing). */
function run(what, command, args, stamp, env = process.env) {
  process.stdout.write(`Building ${what}…\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env });
  if (result.status !== 0) {
    process.stderr.write(`liaison: building ${what} failed (see above).\n`);
    process.exit(result.status ?? 1);
  }
  const file = path.join(root, stamp);
  if (!existsSync(file)) writeFileSync(file, "");
  const now = new Date();
  utimesSync(file, now, now);
}

const bin = (name) => path.join(root, "node_modules", ".bin", name);

export function ensureServerBuilt() {
  const stamp = "dist/server/.built";
  if (isStale(stamp, ["server", "common", "bench", "tests/support", "tsconfig.server.json", "tsconfig.base.json"])) {
    run("the server", bin("tsc"), ["-p", "tsconfig.server.json"], stamp);
  }
}

export function ensureClientBuilt() {
  const stamp = "dist/client/.built";
  if (isStale(stamp, ["client", "common", "vite.config.ts"])) {
    // Always the production bundle, whatever NODE_ENV the caller runs with (a test runner sets "test").
    run("the client", bin("vite"), ["build", "--mode", "production", "--logLevel", "warn"], stamp, {
      ...process.env,
      NODE_ENV: "production",
    });
  }
}
