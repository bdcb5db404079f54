// Runs a built entry point (`npm run load`, `npm run bench`) after building the server if it is stale.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ensureServerBuilt, root } from "./build-if-stale.mjs";

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  process.stderr.write("usage: node scripts/run-built.mjs <dist entry> [args…]\n");
  process.exit(2);
}
ensureServerBuilt();
process.argv = [process.argv[0], path.join(root, entry), ...args];
const module = await import(pathToFileURL(path.join(root, entry)).href);
await module.main(args);
