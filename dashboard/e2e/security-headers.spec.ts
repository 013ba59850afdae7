import { expect, test } from "@playwright/test";
import { FakeShareApi } from "./fake-share-api";
import { fakeApis, open } from "./files-helpers";
import { watchViolations } from "./csp-violations";

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0] !== "")
      .map(([name, ...values]) => [name, values]),
  );
}

test("pages carry a nonce-based policy that every script of theirs follows", async ({ page }) => {
  const violations = await watchViolations(page);
  const response = await page.goto("/login");
  const headers = response!.headers();
  const policy = directives(headers["content-security-policy"]);

  const scriptSrc = policy.get("script-src")!;
  const nonce = scriptSrc.find((v) => v.startsWith("'nonce-"))!.slice("'nonce-".length, -1);
  expect(nonce.length).toBeGreaterThanOrEqual(16);
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  expect(scriptSrc).not.toContain("'unsafe-eval'");
  expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
  expect(policy.get("object-src")).toEqual(["'none'"]);
  // Requests go to the dashboard, the API the build calls and the data plane (DEPOT_PUBLIC_URL).
  expect(policy.get("connect-src")).toEqual([
    "'self'",
    "http://localhost:8080",
    "https://uploads.depot.test",
  ]);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("no-referrer");

  // Every script Next.js wrote into the page, inline ones included, carries the nonce.
  const scripts = await page
    .locator("script")
    .evaluateAll((elements) => elements.map((e) => (e as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.every((n) => n === nonce)).toBe(true);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();

  // Each response has a nonce of its own.
  const again = await page.reload();
  expect(again!.headers()["content-security-policy"]).not.toContain(nonce);
  expect(violations).toEqual([]);
});

test("signed-in pages and share pages run without a policy violation", async ({ page }) => {
  const violations = await watchViolations(page);
  const { auth, files } = await fakeApis(page);
  await new FakeShareApi(auth, files).install(page);

  await open(page, auth, "/files");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "Profile" })).toBeVisible();

  const share = await page.goto("/s/Ab1_-Ab1_-Ab1_-Ab1_-xy");
  expect(share!.headers()["referrer-policy"]).toBe("no-referrer");
  expect(share!.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  await expect(page.getByRole("main")).not.toBeEmpty();
  expect(violations).toEqual([]);
});
