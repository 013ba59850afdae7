import { defineConfig } from "@playwright/test";
import { chromiumLaunchOptions } from "./playwright.chromium";

// Browser tests against a running stack (`./depot up`): the dashboard at DEPOT_DASHBOARD_URL, the
// API it was built for, and the mail catcher's IMAP port (DEPOT_IMAP_HOST, DEPOT_IMAP_PORT).
// Nothing is mocked. Run with `npm run test:stack`.
const baseURL = (process.env.DEPOT_DASHBOARD_URL || "http://localhost:3000").replace(/\/+$/, "");

export default defineConfig({
  testDir: "./e2e-stack",
  outputDir: "./test-results/stack",
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  use: {
    baseURL,
    browserName: "chromium",
    headless: true,
    viewport: { width: 1024, height: 720 },
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: chromiumLaunchOptions,
  },
});
