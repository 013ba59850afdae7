import type { Page } from "@playwright/test";
import { openSignedIn } from "./auth-helpers";
import { FakeAuthApi } from "./fake-auth-api";
import { FakeEventsServer } from "./fake-events-server";
import { DOWNLOAD_ORIGIN, FakeFilesApi } from "./fake-files-api";

/** The fake auth and metadata APIs and live events, installed on `page`; fill the tree before `open`. */
export async function fakeApis(
  page: Page,
): Promise<{ auth: FakeAuthApi; files: FakeFilesApi; events: FakeEventsServer }> {
  const auth = new FakeAuthApi();
  await auth.install(page);
  const files = new FakeFilesApi(auth);
  await files.install(page);
  const events = new FakeEventsServer(auth, files);
  await events.install(page);
  return { auth, files, events };
}

/** Starts on `path` signed in, as a browser that kept its session from an earlier visit. */
export function open(page: Page, auth: FakeAuthApi, path = "/files"): Promise<void> {
  return openSignedIn(page, auth, path);
}

/** The table of a folder's contents (or of the trash, search results, activity). */
export function table(page: Page, name?: string) {
  return name
    ? page.getByRole("main").getByRole("table", { name })
    : page.getByRole("main").getByRole("table").first();
}

/**
 * The name cells of a list, in order: the names shown, without the icons' labels. In a folder's
 * listing they come after the checkboxes that select the rows.
 */
export function names(page: Page, tableName?: string) {
  return table(page, tableName).locator(
    [
      'tbody tr > :first-child:not(:has(input[type="checkbox"]))',
      'tbody tr > :first-child:has(input[type="checkbox"]) + *',
    ].join(", "),
  );
}

/** The row of the item named `name`. */
export function row(page: Page, name: string, tableName?: string) {
  return table(page, tableName)
    .getByRole("row")
    .filter({ has: page.getByText(name, { exact: true }) });
}

/** Opens the "⋯" menu of the item's row and chooses `action`. */
export async function chooseAction(page: Page, name: string, action: string): Promise<void> {
  await page.getByRole("button", { name: `Actions for ${name}`, exact: true }).click();
  await page
    .getByRole("group", { name: `Actions for ${name}`, exact: true })
    .getByRole("button", { name: action, exact: true })
    .click();
}

/** The live region that says what an action did, once it says `text`. */
export function said(page: Page, text: string | RegExp) {
  return page.getByRole("main").getByRole("status").filter({ hasText: text });
}

/**
 * Answers the fake's signed download URLs with a file saved as `fileName`; the returned list
 * fills with the URLs the browser went to.
 */
export async function serveDownloads(
  page: Page,
  fileName: string,
  contentType: string,
): Promise<string[]> {
  const fetched: string[] = [];
  await page.route(`${DOWNLOAD_ORIGIN}/**`, async (route) => {
    fetched.push(route.request().url());
    await route.fulfill({
      status: 200,
      headers: {
        "content-type": contentType,
        "content-disposition": `attachment; filename="${fileName}"`,
      },
      body: "fake bytes",
    });
  });
  return fetched;
}
