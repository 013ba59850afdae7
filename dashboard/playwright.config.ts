import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";
import { sharedConfig, sharedUse } from "./playwright.shared";

// The tests run against the production build: `npm run build` first.
if (!existsSync(".next/standalone/server.js")) {
  throw new Error("No standalone build found: run `npm run build` before `npm run test:e2e`.");
}

const port = Number(process.env.E2E_PORT ?? 3107);
// localhost, like the API the build calls (http://localhost:8080): the same site, so the API's
// SameSite=Strict session cookie travels with the dashboard's requests.
const baseURL = `http://localhost:${port}`;

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
    url: `http://127.0.0.1:${port}`,
    env: {
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      NEXT_TELEMETRY_DISABLED: "1",
      // Where the fakes' signed upload URLs point (e2e/fake-files-api.ts): allowed by the CSP.
      DEPOT_PUBLIC_URL: "https://uploads.depot.test",
    },
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
