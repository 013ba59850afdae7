import type { PlaywrightTestConfig } from "@playwright/test";

// Debian's Chromium: Playwright's own browser download is not available on Depot's machines.
const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** What both Playwright configurations share: one worker, no retries, the same reporters. */
export const sharedConfig: PlaywrightTestConfig = {
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
};

/** The browser both configurations test in, and how it starts. */
export const sharedUse: PlaywrightTestConfig["use"] = {
  browserName: "chromium",
  headless: true,
  viewport: { width: 1024, height: 720 },
  screenshot: "only-on-failure",
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: chromiumArgs,
  },
};
