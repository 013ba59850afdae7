import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { newAccount, signUpAndOpenFiles } from "./account";
import { waitForMail } from "./mail";

const account = newAccount("sharing");
const fileName = `shared-${account.stamp}.bin`;

test("a shared file is downloaded by someone without an account, until the link is revoked", async ({
  page,
  browser,
  baseURL,
}) => {
  // Not a whole number of KiB: a lost or doubled byte shows.
  const bytes = randomBytes(64 * 1024 + 123);
  await signUpAndOpenFiles(page, account);

  // An account shares only once its address is verified; the tab's access token, issued
  // before, is renewed when the API refuses it for that.
  await test.step("verify the email address", async () => {
    const [link] = await waitForMail(
      account.email,
      /https?:\/\/[^\s"'<>]+\/verify-email\?token=[^\s"'<>&]+/,
    );
    const { pathname, search } = new URL(link);
    await page.goto(pathname + search);
    await expect(page.getByRole("main")).toContainText(
      `Your email address ${account.email} is verified.`,
    );
    await page.goto("/files");
    await expect(page.getByRole("heading", { level: 1, name: "My files" })).toBeVisible();
  });

  await test.step("upload a file", async () => {
    const chooser = page.waitForEvent("filechooser");
    await page.getByRole("button", { name: "Upload", exact: true }).click();
    await (
      await chooser
    ).setFiles({ name: fileName, mimeType: "application/octet-stream", buffer: bytes });
    await expect(
      page
        .getByRole("complementary", { name: "Uploads" })
        .getByRole("listitem", { name: fileName, exact: true }),
    ).toContainText("Done", { timeout: 60_000 });
    await expect(
      page.getByRole("main").getByRole("table").getByRole("link", { name: fileName }),
    ).toBeVisible();
  });

  const dialog = page.getByRole("dialog", { name: `Share “${fileName}”` });
  const links = dialog.getByRole("list", { name: "Links" }).getByRole("listitem");
  let sharedPath = "";
  await test.step("share it: a link with no expiry", async () => {
    await page.getByRole("button", { name: `Actions for ${fileName}`, exact: true }).click();
    await page
      .getByRole("group", { name: `Actions for ${fileName}`, exact: true })
      .getByRole("button", { name: "Share link…", exact: true })
      .click();
    await expect(dialog).toContainText("This file has no links yet.");
    await dialog.getByRole("button", { name: "Create link" }).click();
    await expect(links).toHaveCount(1);
    await expect(links.first()).toContainText("No expiry");
    const address = await links.first().getByRole("textbox", { name: "Link" }).inputValue();
    sharedPath = new URL(address).pathname;
    expect(sharedPath).toMatch(/^\/s\/[A-Za-z0-9_-]{22}$/);
    await page.screenshot({ path: "test-results/stack/share-dialog.png" });
  });

  // Someone else, in a browser that never signed in.
  const visitor = await browser.newContext({ acceptDownloads: true });
  try {
    const visit = await visitor.newPage();

    await test.step("open the link signed out: the file, and its bytes", async () => {
      await visit.goto(`${baseURL}${sharedPath}`);
      const main = visit.getByRole("main");
      await expect(main.getByRole("heading", { level: 1 })).toHaveText(fileName);
      await expect(main).toContainText(`(${bytes.length.toLocaleString("en-US")} bytes)`);
      await expect(visit.getByRole("navigation", { name: "Account" })).toContainText("Sign in");
      await expect(visit).toHaveURL(`${baseURL}${sharedPath}`);
      await visit.screenshot({ path: "test-results/stack/shared-file.png" });

      const [download] = await Promise.all([
        visit.waitForEvent("download"),
        main.getByRole("button", { name: "Download" }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(fileName);
      const saved = await readFile(await download.path());
      expect(saved.equals(bytes), "the downloaded bytes are the uploaded ones").toBe(true);
    });

    await test.step("the owner sees the download counted, revokes the link: it stops working", async () => {
      await dialog.getByRole("button", { name: "Close" }).click();
      await page.getByRole("button", { name: `Actions for ${fileName}`, exact: true }).click();
      await page
        .getByRole("group", { name: `Actions for ${fileName}`, exact: true })
        .getByRole("button", { name: "Share link…", exact: true })
        .click();
      await expect(links.first()).toContainText("Downloaded once");
      await links.first().getByRole("button", { name: "Revoke" }).click();
      await links.first().getByRole("button", { name: "Revoke link" }).click();
      await expect(dialog).toContainText("This file has no links yet.");

      await visit.reload();
      await expect(visit.getByRole("main")).toContainText(
        "This link does not work. It may have expired or been revoked.",
      );
    });
  } finally {
    await visitor.close();
  }
});
