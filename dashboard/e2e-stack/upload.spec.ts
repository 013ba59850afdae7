import { createHash, randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { newAccount, signUpAndOpenFiles } from "./account";

const account = newAccount("upload");

// About 3 MiB, not a whole number of KiB: a lost or doubled part changes the digest.
const size = 3 * 1024 * 1024 + 12_345;
const fileName = `upload-${account.stamp}.bin`;

function sha256(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** The last access token the dashboard sent to the API, and the API's origin it sent it to. */
function watchAccessToken(page: Page): { token: string; apiOrigin: string } {
  const seen = { token: "", apiOrigin: "" };
  page.on("request", async (request) => {
    const url = new URL(request.url());
    if (!url.pathname.startsWith("/api/")) {
      return;
    }
    const authorization = await request.headerValue("authorization");
    if (authorization?.startsWith("Bearer ")) {
      seen.token = authorization.slice("Bearer ".length);
      seen.apiOrigin = url.origin;
    }
  });
  return seen;
}

test("upload a file with the Upload button, then download the same bytes", async ({ page }) => {
  const bytes = randomBytes(size);
  const api = watchAccessToken(page);

  await signUpAndOpenFiles(page, account);

  let fileId = "";
  await test.step("upload it with the Upload button: it is listed once its bytes are in", async () => {
    const chooser = page.waitForEvent("filechooser");
    await page.getByRole("button", { name: "Upload", exact: true }).click();
    await (
      await chooser
    ).setFiles({
      name: fileName,
      mimeType: "application/octet-stream",
      buffer: bytes,
    });

    const entry = page
      .getByRole("complementary", { name: "Uploads" })
      .getByRole("listitem", { name: fileName, exact: true });
    await expect(entry).toContainText("Done", { timeout: 60_000 });
    await expect(entry.getByRole("progressbar", { name: fileName })).toHaveAttribute(
      "aria-valuenow",
      "100",
    );
    const link = page.getByRole("main").getByRole("table").getByRole("link", { name: fileName });
    await expect(link).toBeVisible();
    await page.screenshot({ path: "test-results/stack/upload.png", fullPage: true });

    const href = (await link.getAttribute("href")) ?? "";
    fileId = /\/files\/file\/([0-9a-f-]{36})$/.exec(href)?.[1] ?? "";
    expect(fileId, `the file's link: ${href}`).not.toBe("");
  });

  await test.step("download it through a signed URL: the same SHA-256", async () => {
    expect(api.token, "an access token the dashboard sent").not.toBe("");
    const answer = await page.request.get(`${api.apiOrigin}/api/files/${fileId}/download-url`, {
      headers: { authorization: `Bearer ${api.token}` },
    });
    expect(answer.status(), await answer.text()).toBe(200);
    const { url } = (await answer.json()) as { url: string };

    const download = await page.request.get(new URL(url, api.apiOrigin).toString());
    expect(download.status()).toBe(200);
    const body = await download.body();
    expect(body.length).toBe(size);
    expect(sha256(body)).toBe(sha256(bytes));
  });
});
