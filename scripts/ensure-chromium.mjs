// Before the browser tests: make sure a Chromium is there, installing Debian's package when this
// machine can (root with apt-get), so that `npm test` works on a fresh machine as it is.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const chromium = process.env.LIAISON_CHROMIUM ?? "/usr/bin/chromium";
if (existsSync(chromium)) process.exit(0);

const say = (line) => process.stdout.write(`${line}\n`);
const canInstall =
  !process.env.LIAISON_CHROMIUM &&
  typeof process.getuid === "function" &&
  process.getuid() === 0 &&
  spawnSync("apt-get", ["--version"], { stdio: "ignore" }).status === 0;
if (!canInstall) {
  process.stderr.write(
    `Browser tests need Chromium at ${chromium}. On Debian or Ubuntu: sudo apt-get install -y chromium ` +
      "(or set LIAISON_CHROMIUM to a Chromium or Chrome binary).\n",
  );
  process.exit(1);
}
say("Browser tests: Chromium is missing; installing Debian's chromium package (a minute or two, once)…");
const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
for (const args of [
  ["update", "-qq"],
  ["install", "-y", "-qq", "chromium"],
]) {
  const result = spawnSync("apt-get", args, { stdio: ["ignore", "ignore", "inherit"], env });
  if (result.status !== 0) {
    process.stderr.write(
      `apt-get ${args.join(" ")} failed (exit ${result.status}); install Chromium by hand: apt-get install -y chromium\n`,
    );
    process.exit(1);
  }
}
if (!existsSync(chromium)) {
  process.stderr.write(`Chromium was installed but is not at ${chromium}; set LIAISON_CHROMIUM to its path.\n`);
  process.exit(1);
}
say("Browser tests: Chromium installed.");
