import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["server/**/*.test.ts", "bot/**/*.test.ts", "pwa/**/*.test.ts", "test/**/*.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    typecheck: { enabled: false },
    // CI asks for a machine-readable summary too (see .ci/run).
    ...(process.env.VITEST_JSON
      ? { reporters: ["default", "json"], outputFile: { json: process.env.VITEST_JSON } }
      : {}),
  },
});
