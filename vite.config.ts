/** Vite builds the client from client/ into dist/client; in dev it proxies /api to the running server. */
import { defineConfig } from "vite";

export default defineConfig({
  root: "client",
  build: { outDir: "../dist/client", emptyOutDir: true, sourcemap: true },
  server: { proxy: { "/api": "http://127.0.0.1:3000" } },
});
