import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { newAccount, signUpAndOpenFiles } from "./account";

const account = newAccount("archive");
const folderName = `Holiday ✓ ${account.stamp}`;
const fileName = "notes – ünïcode.txt";
const text = `Postcards from ${account.stamp}\n`;

test("a folder downloads as a zip built in the background, with its tree and names", async ({
  page,
}, testInfo) => {
  await signUpAndOpenFiles(page, account);

  await test.step("make a folder with a file in it", async () => {
    await page.getByRole("button", { name: "New folder" }).click();
    const dialog = page.getByRole("dialog", { name: "New folder" });
    await dialog.getByLabel("Folder name").fill(folderName);
    await dialog.getByRole("button", { name: "Create" }).click();
    await page.getByRole("main").getByRole("table").getByRole("link", { name: folderName }).click();
    await expect(page.getByRole("heading", { level: 1, name: folderName })).toBeVisible();

    const chooser = page.waitForEvent("filechooser");
    await page.getByRole("button", { name: "Upload", exact: true }).click();
    await (
      await chooser
    ).setFiles({ name: fileName, mimeType: "text/plain", buffer: Buffer.from(text) });
    await expect(
      page
        .getByRole("complementary", { name: "Uploads" })
        .getByRole("listitem", { name: fileName, exact: true }),
    ).toContainText("Done", { timeout: 60_000 });
  });

  await test.step("ask for its zip: the panel follows it, and it downloads when ready", async () => {
    const downloaded = page.waitForEvent("download", { timeout: 90_000 });
    // While it is prepared, the page follows it on the live event stream.
    const events = page.waitForResponse(
      (response) =>
        new URL(response.url()).pathname === "/api/events" && response.request().method() === "GET",
      { timeout: 30_000 },
    );
    await page.getByRole("button", { name: "Download as zip" }).click();
    const panel = page.getByRole("region", { name: "Zip archives" });
    await expect(panel).toContainText(`${folderName}.zip`);
    const stream = await events;
    expect(stream.status()).toBe(200);
    expect(stream.headers()["content-type"]).toMatch(/^text\/event-stream/);
    const download = await downloaded;
    expect(download.suggestedFilename()).toBe(`${folderName}.zip`);
    await expect(panel).toContainText("your download started");
    await page.screenshot({ path: "test-results/stack/archive.png", fullPage: true });

    const path = testInfo.outputPath("folder.zip");
    await download.saveAs(path);
    execFileSync("unzip", ["-tqq", path]);
    const names = execFileSync("unzip", ["-Z1", path], { encoding: "utf8" }).trim().split("\n");
    expect(names).toEqual([`${folderName}/`, `${folderName}/${fileName}`]);
    expect(
      execFileSync("unzip", ["-p", path, `${folderName}/${fileName}`], { encoding: "utf8" }),
    ).toBe(text);
  });
});
