import { expect, test, type Page } from "@playwright/test";
import { createAccount, newAccount } from "./account";
import { watchViolations } from "../e2e/csp-violations";

// The dashboard's session against the real stack: the refresh token lives in an HttpOnly cookie
// of the API that no script of the page can read, a reload keeps the user signed in, and every
// page is served under a strict Content-Security-Policy that none of its scripts breaks.

async function refreshCookies(page: Page) {
  return (await page.context().cookies()).filter((c) => c.name === "depot_refresh");
}

/** Everything a script of the page can read where tokens could be kept. */
function readableByScripts(page: Page): Promise<string> {
  return page.evaluate(() =>
    JSON.stringify([document.cookie, { ...localStorage }, { ...sessionStorage }]),
  );
}

test("the refresh token is out of reach of scripts, and a reload keeps the session", async ({
  page,
}) => {
  const violations = await watchViolations(page);
  const account = newAccount("session");

  const response = await page.goto("/signup");
  const headers = response!.headers();
  const policy = headers["content-security-policy"] ?? "";
  const scriptSrc = /(?:^|;)\s*script-src ([^;]*)/.exec(policy)?.[1] ?? "";
  expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  expect(policy).toMatch(/(?:^|;)\s*frame-ancestors 'none'(?:;|$)/);
  expect(policy).toMatch(/(?:^|;)\s*connect-src 'self' [^;]*http/);
  expect(headers["x-content-type-options"]).toBe("nosniff");

  const login = page.waitForResponse((r) => r.url().endsWith("/api/auth/login"));
  await createAccount(page, account);

  await test.step("the refresh token is only in an HttpOnly cookie", async () => {
    expect(Object.keys(await (await login).json())).not.toContain("refreshToken");
    const cookies = await refreshCookies(page);
    expect(cookies.map((c) => c.path).sort()).toEqual(["/api/auth/logout", "/api/auth/refresh"]);
    for (const cookie of cookies) {
      expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: "Strict" });
      expect(cookie.value.length).toBeGreaterThan(20);
    }
    const readable = await readableByScripts(page);
    expect(readable).not.toContain(cookies[0].value);
    expect(readable).not.toContain("depot_refresh");
  });

  await test.step("a reload keeps the session, and the cookie rotates", async () => {
    const before = (await refreshCookies(page))[0].value;
    const refresh = page.waitForResponse((r) => r.url().endsWith("/api/auth/refresh"));
    await page.reload();
    expect((await refresh).status()).toBe(200);
    await expect(page.getByRole("heading", { name: "Profile" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Account" })).toContainText(
      `Signed in as ${account.username}`,
    );
    const after = await refreshCookies(page);
    expect(after[0].value).not.toBe(before);
    expect(await readableByScripts(page)).not.toContain(after[0].value);
  });

  await test.step("the files pages run under the policy", async () => {
    const files = await page.goto("/files");
    expect(files!.headers()["content-security-policy"]).toContain("'nonce-");
    await expect(page.getByRole("heading", { level: 1, name: "My files" })).toBeVisible();
  });

  await test.step("a share page sends no Referer", async () => {
    // Every page load renews the access token with the cookie; leaving before the answer arrives
    // would keep the cookie of a token the server has already replaced.
    const renewed = page.waitForResponse((r) => r.url().endsWith("/api/auth/refresh"));
    const share = await page.goto("/s/no-such-link-Ab1_-Ab1_-xy");
    expect(share!.headers()["referrer-policy"]).toBe("no-referrer");
    expect(share!.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    await expect(page.getByRole("main")).not.toBeEmpty();
    expect((await renewed).status()).toBe(200);
  });

  await test.step("signing out ends the session and clears the cookie", async () => {
    await page.goto("/account");
    await expect(page.getByRole("heading", { name: "Profile" })).toBeVisible();
    await page
      .getByRole("navigation", { name: "Account" })
      .getByRole("button", { name: "Sign out" })
      .click();
    await expect(page).toHaveURL(/\/login$/);
    expect(await refreshCookies(page)).toEqual([]);
    await page.goto("/account");
    await expect(page).toHaveURL(/\/login\?next=%2Faccount$/);
  });

  expect(violations).toEqual([]);
});
