// `npm start`: build what is stale, then run the server in this process (so signals and crashes reach it directly).
import { ensureClientBuilt, ensureServerBuilt } from "./build-if-stale.mjs";

ensureServerBuilt();
ensureClientBuilt();
const { main } = await import("../dist/server/main.js");
await main();
