import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";
import { chromiumLaunchOptions } from "./playwright.chromium";

// The tests run against the production build: `npm run build` first.
if (!existsSync(".next/standalone/server.js")) {
  throw new Error("No standalone build found: run `npm run build` before `npm run test:e2e`.");
}

const port = Number(process.env.E2E_PORT ?? 3107);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  use: {
    baseURL,
    browserName: "chromium",
    headless: true,
    viewport: { width: 1024, height: 720 },
    screenshot: "only-on-failure",
    launchOptions: chromiumLaunchOptions,
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
