import { expect, test, type Page } from "@playwright/test";
import { openSignedIn } from "./auth-helpers";
import { DOWNLOAD_ORIGIN } from "./fake-files-api";
import { FakeShareApi, rateLimited, SHARE_PAGE_ORIGIN } from "./fake-share-api";
import { chooseAction, fakeApis, open, serveDownloads, table } from "./files-helpers";

const DAY_MS = 24 * 3600_000;

/** The fake auth, files and share APIs, installed on `page`. */
async function shareFakes(page: Page) {
  const { auth, files } = await fakeApis(page);
  const share = new FakeShareApi(auth, files);
  await share.install(page);
  return { auth, files, share };
}

function shareDialog(page: Page, name: string) {
  return page.getByRole("dialog", { name: `Share “${name}”` });
}

/** The links the dialog lists, newest first. */
function linkItems(page: Page, name: string) {
  return shareDialog(page, name).getByRole("list", { name: "Links" }).getByRole("listitem");
}

/** The addresses of the listed links, in order. */
function addresses(page: Page, name: string): Promise<string[]> {
  return linkItems(page, name)
    .getByRole("textbox", { name: "Link" })
    .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
}

/** An API timestamp as the page shows it (the browser's locale and time zone). */
function shown(page: Page, iso: string): Promise<string> {
  return page.evaluate(
    (at) =>
      new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(
        new Date(at),
      ),
    iso,
  );
}

test.describe("the share dialog", () => {
  test("makes a link from a file's ⋯ menu: listed first, selected, and copied with the button", async ({
    page,
    context,
  }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const { auth, files, share } = await shareFakes(page);
    files.addFolder("Documents");
    const report = files.addFile("report.pdf", { mimeType: "application/pdf", sizes: [2048] });

    await open(page, auth, "/files");
    // Only files are shared: a folder's menu has no such action.
    await page.getByRole("button", { name: "Actions for Documents", exact: true }).click();
    await expect(
      page.getByRole("group", { name: "Actions for Documents" }).getByRole("button"),
    ).toHaveText(["Download as zip", "Rename…", "Move…", "Move to trash"]);
    await page.keyboard.press("Escape");

    await chooseAction(page, "report.pdf", "Share link…");
    const dialog = shareDialog(page, "report.pdf");
    await expect(dialog).toContainText("This file has no links yet.");
    await expect(dialog.getByLabel("Expires")).toHaveValue("never");
    await dialog.getByRole("button", { name: "Create link" }).click();

    const items = linkItems(page, "report.pdf");
    await expect(items).toHaveCount(1);
    const [link] = share.links;
    expect(share.callsTo(`POST /api/files/${report.id}/share-links`).map((c) => c.body)).toEqual([
      {},
    ]);
    const address = items.first().getByRole("textbox", { name: "Link" });
    await expect(address).toHaveValue(`${SHARE_PAGE_ORIGIN}/s/${link.token}`);
    // Ready to be copied: focused, the whole address selected.
    await expect(address).toBeFocused();
    expect(
      await address.evaluate((input: HTMLInputElement) =>
        input.value.slice(input.selectionStart ?? 0, input.selectionEnd ?? 0),
      ),
    ).toBe(link.url);
    await expect(items.first()).toContainText("NewNo expiryNot downloaded yet");
    await expect(dialog.getByRole("status")).toHaveText(
      "Created a link with no expiry. Copy it and send it to whoever should have the file.",
    );
    await page.screenshot({ path: "test-results/share-dialog.png" });

    await items.first().getByRole("button", { name: "Copy link" }).click();
    await expect(dialog.getByRole("status")).toHaveText("Copied the link.");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link.url);

    await dialog.getByRole("button", { name: "Close" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("button", { name: "Actions for report.pdf" })).toBeFocused();
  });

  test("makes links that expire in 7 days and at the end of a chosen day, newest first", async ({
    page,
  }) => {
    const { auth, files, share } = await shareFakes(page);
    const song = files.addFile("song.mp3", { mimeType: "audio/mpeg", sizes: [4096] });
    const older = share.addLink(song, {
      downloads: 3,
      lastUsedAt: "2026-11-21T10:00:00Z",
    });

    await open(page, auth, `/files/file/${song.id}`);
    await page.getByRole("button", { name: "Share link…" }).click();
    const dialog = shareDialog(page, "song.mp3");
    const items = linkItems(page, "song.mp3");
    await expect(items).toHaveCount(1);
    await expect(items.first()).toContainText(
      `No expiryDownloaded 3 times, last ${await shown(page, "2026-11-21T10:00:00Z")}`,
    );

    await dialog.getByLabel("Expires").selectOption({ label: "In 7 days" });
    const before = Date.now();
    await dialog.getByRole("button", { name: "Create link" }).click();
    await expect(items).toHaveCount(2);
    const after = Date.now();
    const inAWeek = share.callsTo(`POST /api/files/${song.id}/share-links`)[0].body
      ?.expiresAt as string;
    expect(Date.parse(inAWeek)).toBeGreaterThanOrEqual(before + 7 * DAY_MS - 1000);
    expect(Date.parse(inAWeek)).toBeLessThanOrEqual(after + 7 * DAY_MS);
    await expect(items.first()).toContainText(`Expires ${await shown(page, inAWeek)}`);
    await expect(dialog.getByRole("status")).toContainText(
      `Created a link that expires ${await shown(page, inAWeek)}.`,
    );

    // A date: none chosen is asked for before the API is.
    await dialog.getByLabel("Expires").selectOption({ label: "On a date…" });
    const day = dialog.getByLabel("Expiry date");
    await expect(day).toBeVisible();
    await dialog.getByRole("button", { name: "Create link" }).click();
    await expect(dialog.getByRole("alert")).toContainText("Choose the day the link works until.");
    await expect(day).toHaveAttribute("aria-invalid", "true");
    expect(share.callsTo(`POST /api/files/${song.id}/share-links`)).toHaveLength(1);

    const { value, end } = await page.evaluate(() => {
      const now = new Date();
      const chosen = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 10);
      const pad = (n: number) => String(n).padStart(2, "0");
      return {
        value: `${chosen.getFullYear()}-${pad(chosen.getMonth() + 1)}-${pad(chosen.getDate())}`,
        end: new Date(now.getFullYear(), now.getMonth(), now.getDate() + 11).toISOString(),
      };
    });
    await day.fill(value);
    await dialog.getByRole("button", { name: "Create link" }).click();
    await expect(items).toHaveCount(3);
    expect(share.callsTo(`POST /api/files/${song.id}/share-links`)[1].body).toEqual({
      expiresAt: end,
    });
    await expect(items.first()).toContainText(`Expires ${await shown(page, end)}`);
    // Newest first: the chosen day, the week, then the link made before.
    expect(await addresses(page, "song.mp3")).toEqual([
      share.links[2].url,
      share.links[1].url,
      older.url,
    ]);
  });

  test("selects the link for the user to copy when the page may not use the clipboard", async ({
    page,
  }) => {
    // As on a dashboard served over plain HTTP from another host: no clipboard API.
    await page.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, "clipboard", { get: () => undefined }),
    );
    const { auth, files, share } = await shareFakes(page);
    const notes = files.addFile("notes.txt", { mimeType: "text/plain", sizes: [300] });
    const link = share.addLink(notes);

    await open(page, auth, `/files/file/${notes.id}`);
    await page.getByRole("button", { name: "Share link…" }).click();
    const dialog = shareDialog(page, "notes.txt");
    const item = linkItems(page, "notes.txt").first();
    await item.getByRole("button", { name: "Copy link" }).click();

    await expect(dialog.getByRole("status")).toHaveText(
      "The link is selected: press Ctrl+C (⌘C on a Mac) to copy it.",
    );
    const address = item.getByRole("textbox", { name: "Link" });
    await expect(address).toBeFocused();
    expect(
      await address.evaluate((input: HTMLInputElement) =>
        input.value.slice(input.selectionStart ?? 0, input.selectionEnd ?? 0),
      ),
    ).toBe(link.url);
  });

  test("revokes a link after asking, and says when the file has as many links as it may", async ({
    page,
  }) => {
    const { auth, files, share } = await shareFakes(page);
    const report = files.addFile("report.pdf", { mimeType: "application/pdf", sizes: [2048] });
    const lapsed = new Date(Date.now() - 2 * DAY_MS).toISOString();
    share.addLink(report, { expiresAt: lapsed });
    for (let i = 1; i < 20; i++) {
      share.addLink(report);
    }
    const newest = share.links[19];

    await open(page, auth, "/files");
    await chooseAction(page, "report.pdf", "Share link…");
    const dialog = shareDialog(page, "report.pdf");
    const items = linkItems(page, "report.pdf");
    await expect(items).toHaveCount(20);
    // The oldest has expired: it says so, and has nothing to copy.
    await expect(items.last()).toContainText(`ExpiredExpired ${await shown(page, lapsed)}`);
    await expect(items.last().getByRole("button", { name: "Copy link" })).toHaveCount(0);

    await dialog.getByRole("button", { name: "Create link" }).click();
    await expect(dialog.getByRole("alert")).toContainText(
      "A file has at most 20 share links; revoke one first.",
    );
    await expect(dialog.getByRole("alert")).toBeFocused();
    await expect(items).toHaveCount(20);

    // Revoking asks first; keeping it changes nothing.
    const first = items.first();
    await first.getByRole("button", { name: "Revoke" }).click();
    const confirm = first.getByRole("group", { name: "Revoke this link?" });
    await expect(confirm).toContainText("It stops working at once, for everyone who has it.");
    await expect(confirm.getByRole("button", { name: "Keep it" })).toBeFocused();
    await confirm.getByRole("button", { name: "Keep it" }).click();
    await expect(confirm).toBeHidden();
    await expect(first.getByRole("button", { name: "Revoke" })).toBeFocused();
    expect(share.callsTo(`DELETE /api/share-links/${newest.id}`)).toHaveLength(0);

    await first.getByRole("button", { name: "Revoke" }).click();
    await confirm.getByRole("button", { name: "Revoke link" }).click();
    await expect(items).toHaveCount(19);
    await expect(dialog.getByRole("status")).toHaveText("Revoked the link: it no longer works.");
    await expect(dialog.getByRole("heading", { name: "Links" })).toBeFocused();
    expect(share.callsTo(`DELETE /api/share-links/${newest.id}`)).toHaveLength(1);
    expect(await addresses(page, "report.pdf")).not.toContain(newest.url);
    expect(share.links.map((l) => l.id)).not.toContain(newest.id);

    // There is room for one again.
    await dialog.getByRole("button", { name: "Create link" }).click();
    await expect(items).toHaveCount(20);
    await expect(dialog.getByRole("alert")).toHaveCount(0);

    // The activity tells both.
    await dialog.getByRole("button", { name: "Close" }).click();
    await page
      .getByRole("navigation", { name: "Files" })
      .getByRole("link", { name: "Activity" })
      .click();
    await expect(table(page, "Activity").locator("tbody tr").locator("td:nth-child(1)")).toHaveText(
      ["File share link created", "File share link revoked"],
    );
  });
});

test.describe("the page of a shared file", () => {
  test("shows the file to a visitor without an account, and downloads it", async ({ page }) => {
    const { files, share, auth } = await shareFakes(page);
    const report = files.addFile("Plan für Q1.pdf", {
      mimeType: "application/pdf",
      sizes: [3_145_728],
    });
    const expiresAt = new Date(Date.now() + 3 * DAY_MS).toISOString();
    const link = share.addLink(report, { expiresAt });
    const fetched = await serveDownloads(page, "Plan für Q1.pdf", "application/pdf");

    await page.goto(`/s/${link.token}`);
    const main = page.getByRole("main");
    await expect(main.getByRole("heading", { level: 1 })).toHaveText("Plan für Q1.pdf");
    await expect(main).toContainText("Size3 MB (3,145,728 bytes)");
    await expect(main).toContainText("TypeDocument (application/pdf)");
    await expect(main).toContainText(`Modified${await shown(page, report.modifiedAt)}`);
    await expect(main).toContainText(`Link expires ${await shown(page, expiresAt)}.`);
    // Nobody is signed in, and nobody is sent to sign in.
    await expect(page.getByRole("navigation", { name: "Account" })).toContainText("Sign in");
    await expect(page).toHaveURL(new RegExp(`/s/${link.token}$`));
    await page.screenshot({ path: "test-results/shared-file.png", fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      main.getByRole("button", { name: "Download" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("Plan für Q1.pdf");
    expect(fetched).toEqual([`${DOWNLOAD_ORIGIN}/shared/${report.id}?version=${report.versionId}`]);
    await expect(main.getByRole("status")).toHaveText(
      "Your download of “Plan für Q1.pdf” started.",
    );
    const calls = share.calls.filter((c) => c.path.startsWith("/api/shared/"));
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      `GET /api/shared/${link.token}`,
      `GET /api/shared/${link.token}/download-url`,
    ]);
    expect(calls.map((c) => c.token)).toEqual([null, null]);
    expect(link.downloads).toBe(1);
    // No session was looked for on the visitor's behalf.
    expect(auth.callsTo("POST /api/auth/refresh")).toHaveLength(0);
  });

  test("is the same for a signed-in visitor", async ({ page }) => {
    const { auth, files, share } = await shareFakes(page);
    const notes = files.addFile("notes.txt", { mimeType: "text/plain", sizes: [912] });
    const link = share.addLink(notes);

    await openSignedIn(page, auth, `/s/${link.token}`);
    await expect(page.getByRole("navigation", { name: "Account" })).toContainText(
      "Signed in as ada",
    );
    const main = page.getByRole("main");
    await expect(main.getByRole("heading", { level: 1 })).toHaveText("notes.txt");
    await expect(main).toContainText("Size912 bytes");
    await expect(main).toContainText("TypeText file (text/plain)");
    await expect(main).not.toContainText("Link expires");
    await expect(main.getByRole("button", { name: "Download" })).toBeEnabled();
    // The page asks as anyone would: without the visitor's token.
    expect(share.callsTo(`GET /api/shared/${link.token}`).map((c) => c.token)).toEqual([null]);
  });

  test("says that a link does not work, and never why", async ({ page }) => {
    const { files, share } = await shareFakes(page);
    const report = files.addFile("report.pdf", { mimeType: "application/pdf" });
    const expired = share.addLink(report, {
      expiresAt: new Date(Date.now() - 60_000).toISOString(),
    });
    const trashedFile = files.addFile("old.pdf", { mimeType: "application/pdf" });
    const trashed = share.addLink(trashedFile);
    files.trashElsewhere(trashedFile);
    const revokedLater = share.addLink(report);

    const saying =
      "Link not workingThis link does not work. It may have expired or been revoked." +
      "Ask whoever sent it to you for a new link.";
    for (const token of ["AAAAAAAAAAAAAAAAAAAAAA", expired.token, trashed.token]) {
      await page.goto(`/s/${token}`);
      await expect(page.getByRole("main")).toHaveText(saying);
      await expect(page.getByRole("button", { name: "Download" })).toHaveCount(0);
    }

    // Revoked while the page is open: the download finds out.
    await page.goto(`/s/${revokedLater.token}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("report.pdf");
    share.links.splice(share.links.indexOf(revokedLater), 1);
    await page.getByRole("button", { name: "Download" }).click();
    await expect(page.getByRole("main")).toHaveText(saying);
  });

  test("waits out the link's rate limit, then downloads", async ({ page }) => {
    const { files, share } = await shareFakes(page);
    const video = files.addFile("talk.mp4", { mimeType: "video/mp4", sizes: [10_000_000] });
    const link = share.addLink(video);
    const fetched = await serveDownloads(page, "talk.mp4", "video/mp4");
    let refused = 0;
    share.on(`GET /api/shared/${link.token}/download-url`, () =>
      refused++ === 0 ? rateLimited(3) : undefined,
    );

    await page.goto(`/s/${link.token}`);
    const main = page.getByRole("main");
    const button = main.getByRole("button", { name: "Download" });
    await button.click();

    const notice = main.getByText(
      /^Too many downloads from this link right now — try again in \d s\.$/,
    );
    await expect(notice).toHaveText(
      /^Too many downloads from this link right now — try again in [23] s\.$/,
    );
    await expect(button).toBeDisabled();
    await expect(page.locator("#shared-wait")).toBeFocused();
    expect(fetched).toEqual([]);
    await page.screenshot({ path: "test-results/shared-file-rate-limited.png" });

    // Once the wait is over, the button is back, with the focus.
    await expect(button).toBeEnabled({ timeout: 5000 });
    await expect(notice).toHaveCount(0);
    await expect(button).toBeFocused();
    const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
    expect(download.suggestedFilename()).toBe("talk.mp4");
    expect(share.callsTo(`GET /api/shared/${link.token}/download-url`)).toHaveLength(2);
  });

  test("says when the API does not answer, and tries again", async ({ page }) => {
    const { files, share } = await shareFakes(page);
    const notes = files.addFile("notes.txt", { mimeType: "text/plain", sizes: [912] });
    const link = share.addLink(notes);
    let aborted = 0;
    await page.route(`**/api/shared/${link.token}`, (route) =>
      aborted++ === 0 ? route.abort("connectionrefused") : route.fallback(),
    );

    await page.goto(`/s/${link.token}`);
    const alert = page.getByRole("main").getByRole("alert");
    await expect(alert).toContainText("The shared file could not be loaded.");
    await expect(alert).toContainText("The Depot API did not answer.");
    await alert.getByRole("button", { name: "Try again" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("notes.txt");
    expect(aborted).toBe(2);
  });
});
