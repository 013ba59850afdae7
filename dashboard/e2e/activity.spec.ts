import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { fakeApis, open, table } from "./files-helpers";

test("lists the activity newest first, loads more and follows the changes made", async ({
  page,
}) => {
  const { auth, files } = await fakeApis(page);
  files.pageSize = 4;
  const reports = files.addFolder("Reports");
  files.record(reports, "created");
  const draft = files.addFile("draft.txt", { mimeType: "text/plain" });
  files.record(draft, "uploaded");
  files.record(draft, "download-url-issued");
  draft.name = "final.txt";
  files.record(draft, "renamed", { oldName: "draft.txt" });
  files.record(draft, "moved", { toParentId: reports.id });
  const old = files.addFolder("Old");
  files.record(old, "trashed");
  files.record(old, "purged");

  await open(page, auth, "/files/activity");
  const activity = table(page, "Activity");
  const rows = activity.locator("tbody tr");
  await expect(rows).toHaveCount(4);
  await expect(rows.locator("td:nth-child(1)")).toHaveText([
    "Folder deleted forever",
    "Folder moved to the trash",
    "File moved",
    "File renamed",
  ]);
  await expect(rows.nth(3)).toContainText("final.txt (was “draft.txt”)");
  // A purged item cannot be opened; a live one can.
  await expect(rows.nth(0).getByRole("link")).toHaveCount(0);
  await expect(rows.nth(2).getByRole("link", { name: "final.txt" })).toHaveAttribute(
    "href",
    `/files/file/${draft.id}`,
  );

  await page.getByRole("button", { name: "Load more" }).click();
  await expect(rows).toHaveCount(7);
  await expect(rows.locator("td:nth-child(1)").nth(6)).toHaveText("Folder created");
  await expect(page.getByRole("button", { name: "Load more" })).toBeHidden();
  expect(files.callsTo("GET /api/activity").map((c) => c.query)).toEqual([
    { limit: "50" },
    { limit: "50", cursor: "after-4" },
  ]);
  await page.screenshot({ path: "test-results/activity.png", fullPage: true });

  // A change made in the dashboard shows up on the next visit.
  await page
    .getByRole("navigation", { name: "Files" })
    .getByRole("link", { name: "My files" })
    .click();
  await page.getByRole("button", { name: "New folder" }).click();
  await page.getByRole("dialog").getByLabel("Folder name").fill("Taxes");
  await page.getByRole("dialog").getByRole("button", { name: "Create" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
  await page
    .getByRole("navigation", { name: "Files" })
    .getByRole("link", { name: "Activity" })
    .click();
  await expect(rows.first()).toContainText("Folder createdTaxes");
});

test("exports the activity as a CSV file with the access token", async ({ page }) => {
  const { auth, files } = await fakeApis(page);
  const report = files.addFile("report, final.pdf", { mimeType: "application/pdf" });
  files.record(report, "uploaded");

  await open(page, auth, "/files/activity");
  await expect(table(page, "Activity").locator("tbody tr")).toHaveCount(1);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export CSV" }).click(),
  ]);

  expect(download.suggestedFilename()).toMatch(/^depot-activity-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile(await download.path(), "utf8");
  expect(csv.split("\r\n")).toEqual([
    "occurred_at,action,resource_kind,resource_id,resource_name",
    `${files.activity[0].occurredAt},file.uploaded,file,${report.id},"report, final.pdf"`,
  ]);
  const exports = files.callsTo("GET /api/activity/export");
  expect(exports).toHaveLength(1);
  expect(exports[0].token).toMatch(/^access-/);
});

test("says when the export fails", async ({ page }) => {
  const { auth, files } = await fakeApis(page);
  files.on("GET /api/activity/export", () => ({
    status: 503,
    json: {
      type: "https://depot.dev/problems/backend-unavailable",
      title: "Service Unavailable",
      status: 503,
      detail: "metadata-service is not answering",
      code: "BACKEND_UNAVAILABLE",
    },
  }));

  await open(page, auth, "/files/activity");
  await page.getByRole("button", { name: "Export CSV" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText(
    "metadata-service is not answering",
  );
  await expect(page.getByText("Nothing has happened to your files yet.")).toBeVisible();
});
