import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";
import { sharedConfig, sharedUse } from "./playwright.shared";

// The tests run against the production build: `npm run build` first.
if (!existsSync(".next/standalone/server.js")) {
  throw new Error("No standalone build found: run `npm run build` before `npm run test:e2e`.");
}

const port = Number(process.env.E2E_PORT ?? 3107);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  ...sharedConfig,
  testDir: "./e2e",
  outputDir: "./test-results",
  fullyParallel: true,
  use: {
    ...sharedUse,
    baseURL,
  },
  webServer: {
    command: "node .next/standalone/server.js",
    url: baseURL,
    env: { PORT: String(port), HOSTNAME: "127.0.0.1", NEXT_TELEMETRY_DISABLED: "1" },
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
