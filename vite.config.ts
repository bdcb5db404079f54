/** Vite builds the client from client/ into dist/client; in dev it proxies /api to the running server. */
import { defineConfig } from "vite";

export default defineConfig({
  root: "client",
  build: {
    outDir: "../dist/client",
    emptyOutDir: true,
    sourcemap: true,
    // Cytoscape (with fCoSE) makes the main chunk ~650 kB and the lazily loaded Cypher editor (ANTLR parser) ~1.1 MB.
    chunkSizeWarningLimit: 1200,
  },
  server: { proxy: { "/api": "http://127.0.0.1:3000" } },
});
