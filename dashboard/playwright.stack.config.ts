import { defineConfig } from "@playwright/test";
import { sharedConfig, sharedUse } from "./playwright.shared";

// Browser tests against a running stack (`./depot up`): the dashboard at DEPOT_DASHBOARD_URL, the
// API it was built for, and the mail catcher's IMAP port (DEPOT_IMAP_HOST, DEPOT_IMAP_PORT).
// Nothing is mocked. Run with `npm run test:stack`.
const baseURL = (process.env.DEPOT_DASHBOARD_URL || "http://localhost:3000").replace(/\/+$/, "");

export default defineConfig({
  ...sharedConfig,
  testDir: "./e2e-stack",
  outputDir: "./test-results/stack",
  fullyParallel: false,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  use: {
    ...sharedUse,
    baseURL,
    trace: "retain-on-failure",
  },
});
