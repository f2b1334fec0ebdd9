import { defineConfig } from "vite";

/**
 * The app shell. Hashed files go to /static/ (the server keeps /assets/ for its own pages); the service
 * worker is built apart (build/build.ts) because it must be one classic script at /sw.js.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: "/",
  publicDir: "public",
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    assetsDir: "static",
    target: "es2022",
    // Fonts stay files: a data: URL would count against the CSS budget and bypass caching.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    rollupOptions: { input: { index: "index.html", offline: "offline.html" } },
  },
  server: { proxy: { "/api": "http://127.0.0.1:3000", "/auth": "http://127.0.0.1:3000" } },
});
