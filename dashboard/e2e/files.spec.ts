import { expect, test } from "@playwright/test";
import { fakeApis, names, open, row, said, table } from "./files-helpers";

test("lists a folder with folders first, and opens folders from the list and the breadcrumbs", async ({
  page,
}) => {
  const { auth, files } = await fakeApis(page);
  const documents = files.addFolder("Documents");
  const reports = files.addFolder("Reports", documents.id);
  files.addFile("report.pdf", {
    parentId: documents.id,
    mimeType: "application/pdf",
    sizes: [2_621_440],
  });
  files.addFolder("Photos");
  files.addFile("notes.txt", { mimeType: "text/plain", sizes: [1536] });
  files.addFile("archive.zip", { mimeType: "application/zip", sizes: [912] });

  await open(page, auth, "/files");

  await expect(page.getByRole("heading", { level: 1, name: "My files" })).toBeVisible();
  // Folders first, then files, each by name: "notes.txt" sorts before "Photos" only by name.
  await expect(names(page)).toHaveText(["Documents", "Photos", "archive.zip", "notes.txt"]);
  await expect(row(page, "notes.txt")).toContainText("1.5 KB");
  await expect(row(page, "archive.zip")).toContainText("912 bytes");
  await expect(row(page, "Photos").getByRole("img", { name: "Folder" })).toBeVisible();
  await expect(row(page, "notes.txt").getByRole("img", { name: "Text file" })).toBeVisible();
  const listing = files.callsTo("GET /api/folders/root/children")[0];
  expect(listing.query).toEqual({ sort: "name", order: "asc", limit: "100" });
  expect(listing.token).toMatch(/^access-/);
  await page.screenshot({ path: "test-results/files-root.png", fullPage: true });

  await table(page).getByRole("link", { name: "Documents" }).click();
  await expect(page).toHaveURL(new RegExp(`/files/folder/${documents.id}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Documents" })).toBeVisible();
  await expect(page).toHaveTitle("Documents · Depot");
  await expect(names(page)).toHaveText(["Reports", "report.pdf"]);
  await expect(row(page, "report.pdf")).toContainText("2.5 MB");

  await table(page).getByRole("link", { name: "Reports" }).click();
  const breadcrumb = page.getByRole("navigation", { name: "Breadcrumb" });
  await expect(breadcrumb.getByRole("listitem")).toHaveText(["My files", "Documents", "Reports"]);
  await expect(breadcrumb.getByText("Reports")).toHaveAttribute("aria-current", "page");
  await expect(page.getByText("This folder is empty.")).toBeVisible();
  expect(files.callsTo(`GET /api/folders/${reports.id}`)).toHaveLength(1);

  await breadcrumb.getByRole("link", { name: "Documents" }).click();
  await expect(page).toHaveURL(new RegExp(`/files/folder/${documents.id}$`));
  await page
    .getByRole("navigation", { name: "Breadcrumb" })
    .getByRole("link", { name: "My files" })
    .click();
  await expect(page).toHaveURL(/\/files$/);
  await expect(names(page)).toHaveText(["Documents", "Photos", "archive.zip", "notes.txt"]);
});

test("sorts by the column headers, asking the API for each order", async ({ page }) => {
  const { auth, files } = await fakeApis(page);
  files.addFile("small.txt", { mimeType: "text/plain", sizes: [10] });
  files.addFile("big.bin", { sizes: [5_000_000] });
  files.addFolder("Zeta");
  files.addFile("medium.txt", { mimeType: "text/plain", sizes: [40_000] });
  files.addFolder("Alpha");

  await open(page, auth, "/files");
  await expect(names(page)).toHaveText(["Alpha", "Zeta", "big.bin", "medium.txt", "small.txt"]);
  const header = (name: string) => table(page).getByRole("columnheader", { name });
  await expect(header("Name")).toHaveAttribute("aria-sort", "ascending");

  await header("Size").getByRole("button").click();
  await expect(header("Size")).toHaveAttribute("aria-sort", "descending");
  await expect(header("Name")).not.toHaveAttribute("aria-sort");
  await expect(page).toHaveURL(/\/files\?sort=size&order=desc$/);
  // Descending, ties (the folders' sizes) are in reverse order too, as the API sorts them.
  await expect(names(page)).toHaveText(["Alpha", "Zeta", "big.bin", "medium.txt", "small.txt"]);

  await header("Size").getByRole("button").click();
  await expect(header("Size")).toHaveAttribute("aria-sort", "ascending");
  await expect(names(page)).toHaveText(["Zeta", "Alpha", "small.txt", "medium.txt", "big.bin"]);

  await header("Modified").getByRole("button").click();
  await expect(header("Modified")).toHaveAttribute("aria-sort", "descending");
  await expect(names(page)).toHaveText(["Alpha", "Zeta", "medium.txt", "big.bin", "small.txt"]);

  await header("Name").getByRole("button").click();
  await header("Name").getByRole("button").click();
  await expect(names(page)).toHaveText(["Zeta", "Alpha", "small.txt", "medium.txt", "big.bin"]);

  expect(
    files.callsTo("GET /api/folders/root/children").map((c) => `${c.query.sort} ${c.query.order}`),
  ).toEqual(["name asc", "size desc", "size asc", "modified desc", "name asc", "name desc"]);

  // The order is kept when the page is loaded again.
  await page.reload();
  await expect(header("Name")).toHaveAttribute("aria-sort", "descending");
  await expect(names(page)).toHaveText(["Zeta", "Alpha", "small.txt", "medium.txt", "big.bin"]);
});

test("loads more with the cursor of the page before", async ({ page }) => {
  const { auth, files } = await fakeApis(page);
  files.pageSize = 3;
  for (const name of ["a", "b", "c", "d", "e", "f", "g"]) {
    files.addFile(`${name}.txt`, { mimeType: "text/plain" });
  }

  await open(page, auth, "/files");
  await expect(names(page)).toHaveText(["a.txt", "b.txt", "c.txt"]);

  const more = page.getByRole("button", { name: "Load more" });
  await more.click();
  await expect(names(page)).toHaveText(["a.txt", "b.txt", "c.txt", "d.txt", "e.txt", "f.txt"]);
  await more.click();
  await expect(names(page)).toHaveCount(7);
  await expect(more).toBeHidden();

  expect(files.callsTo("GET /api/folders/root/children").map((c) => c.query.cursor)).toEqual([
    undefined,
    "after-3",
    "after-6",
  ]);
});

test("shows a friendly page for a folder or file that is not there", async ({ page }) => {
  const { auth, files } = await fakeApis(page);
  const gone = files.addFolder("Old stuff");
  files.trashElsewhere(gone);

  await open(page, auth, `/files/folder/${gone.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "Folder not found" })).toBeVisible();
  await expect(
    page.getByRole("main").getByRole("link", { name: "Open the trash" }),
  ).toHaveAttribute("href", "/files/trash");

  await page.goto("/files/file/no-such-file");
  await expect(page.getByRole("heading", { level: 1, name: "File not found" })).toBeVisible();
  await page.getByRole("main").getByRole("link", { name: "Go to My files" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My files" })).toBeVisible();
  await expect(page.getByText("This folder is empty.")).toBeVisible();
});

test("creates a folder, and keeps both when the name is taken", async ({ page }) => {
  const { auth, files } = await fakeApis(page);
  files.addFolder("Projects");

  await open(page, auth, "/files");
  await page.getByRole("button", { name: "New folder" }).click();
  const dialog = page.getByRole("dialog", { name: "New folder" });
  await expect(dialog).toHaveAccessibleDescription("It is created in “My files”.");
  const name = dialog.getByLabel("Folder name");
  await expect(name).toBeFocused();

  // Empty: refused before asking the API.
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(dialog.getByRole("alert")).toContainText("Enter folder name.");

  await name.fill("Invoices");
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(dialog).toBeHidden();
  await expect(said(page, "Created the folder")).toHaveText("Created the folder Invoices.");
  await expect(names(page)).toHaveText(["Invoices", "Projects"]);

  await page.getByRole("button", { name: "New folder" }).click();
  await name.fill("projects");
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(dialog.getByRole("alert")).toContainText(
    '"Projects" already exists in this folder.',
  );
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(dialog).toContainText("as in “projects (1)”");
  await page.screenshot({ path: "test-results/files-name-conflict.png", fullPage: true });

  await dialog.getByRole("button", { name: "Keep both" }).click();
  await expect(dialog).toBeHidden();
  await expect(names(page)).toHaveText(["Invoices", "Projects", "projects (1)"]);
  await expect(said(page, "Created the folder")).toHaveText("Created the folder projects (1).");

  expect(files.callsTo("POST /api/folders").map((c) => c.body)).toEqual([
    { parentId: "root", name: "Invoices", onConflict: "fail" },
    { parentId: "root", name: "projects", onConflict: "fail" },
    { parentId: "root", name: "projects", onConflict: "rename" },
  ]);
});

test("renames from the row's menu, and says why a name is refused", async ({ page }) => {
  const { auth, files } = await fakeApis(page);
  const notes = files.addFile("notes.txt", { mimeType: "text/plain" });
  files.addFile("todo.txt", { mimeType: "text/plain" });

  await open(page, auth, "/files");
  await page.getByRole("button", { name: "Actions for notes.txt", exact: true }).click();
  const menu = page.getByRole("group", { name: "Actions for notes.txt" });
  await expect(menu.getByRole("button")).toHaveText([
    "Download",
    "Share link…",
    "Rename…",
    "Move…",
    "Copy…",
    "Move to trash",
  ]);
  await menu.getByRole("button", { name: "Rename…" }).click();

  const dialog = page.getByRole("dialog", { name: "Rename file" });
  const name = dialog.getByLabel("New name");
  await expect(name).toBeFocused();
  await expect(name).toHaveValue("notes.txt");
  // The name is selected without its extension, ready to be typed over.
  expect(
    await name.evaluate((el: HTMLInputElement) => [el.selectionStart, el.selectionEnd]),
  ).toEqual([0, 5]);

  await name.fill("a/b.txt");
  await dialog.getByRole("button", { name: "Rename" }).click();
  await expect(dialog.getByRole("alert")).toContainText('A name cannot contain "/" or "\\".');
  await expect(dialog.getByRole("button", { name: "Keep both" })).toHaveCount(0);

  await name.fill("todo.txt");
  await dialog.getByRole("button", { name: "Rename" }).click();
  await expect(dialog.getByRole("alert")).toContainText(
    '"todo.txt" already exists in this folder.',
  );
  await name.fill("ideas.txt");
  await dialog.getByRole("button", { name: "Rename" }).click();

  await expect(dialog).toBeHidden();
  await expect(said(page, "Renamed")).toHaveText("Renamed “notes.txt” to “ideas.txt”.");
  await expect(names(page)).toHaveText(["ideas.txt", "todo.txt"]);
  expect(files.callsTo(`PATCH /api/files/${notes.id}`).map((c) => c.body)).toEqual([
    { name: "a/b.txt", onConflict: "fail" },
    { name: "todo.txt", onConflict: "fail" },
    { name: "ideas.txt", onConflict: "fail" },
  ]);
});

test("moves a folder with the folder picker, and shows why it cannot move into itself", async ({
  page,
}) => {
  const { auth, files } = await fakeApis(page);
  const archive = files.addFolder("Archive");
  const inbox = files.addFolder("Inbox");
  const photos = files.addFolder("Photos");
  const year = files.addFolder("2026", inbox.id);

  await open(page, auth, "/files");
  await page.getByRole("button", { name: "Actions for Photos", exact: true }).click();
  await page
    .getByRole("group", { name: "Actions for Photos" })
    .getByRole("button", { name: "Move…" })
    .click();

  const dialog = page.getByRole("dialog", { name: "Move “Photos”" });
  const choices = dialog.getByRole("list", { name: "Folders in My files" });
  await expect(choices.getByRole("button")).toHaveText(["Archive", "Inbox", /^Photos/]);
  await expect(choices.getByRole("button", { name: /Photos/ })).toBeDisabled();
  // Where it is already is no destination.
  await expect(dialog.getByRole("button", { name: "Move to “My files”" })).toBeDisabled();

  await choices.getByRole("button", { name: "Inbox" }).click();
  await expect(dialog.getByRole("heading", { name: "Folders in “Inbox”" })).toBeFocused();
  await dialog
    .getByRole("list", { name: "Folders in Inbox" })
    .getByRole("button", { name: "2026" })
    .click();
  await expect(
    dialog.getByRole("navigation", { name: "Destination path" }).getByRole("listitem"),
  ).toHaveText(["My files", "Inbox", "2026"]);
  await dialog.getByRole("button", { name: "Move to “2026”" }).click();

  await expect(dialog).toBeHidden();
  await expect(said(page, "Moved")).toHaveText("Moved “Photos” to 2026.");
  await expect(names(page)).toHaveText(["Archive", "Inbox"]);
  expect(files.callsTo(`PATCH /api/folders/${photos.id}`)[0].body).toEqual({ parentId: year.id });

  // While the dialog is open, Inbox is moved into Archive elsewhere: Archive cannot go there.
  await page.getByRole("button", { name: "Actions for Archive", exact: true }).click();
  await page
    .getByRole("group", { name: "Actions for Archive" })
    .getByRole("button", { name: "Move…" })
    .click();
  const moveArchive = page.getByRole("dialog", { name: "Move “Archive”" });
  await moveArchive.getByRole("button", { name: "Inbox" }).click();
  await expect(moveArchive.getByRole("button", { name: "Move to “Inbox”" })).toBeEnabled();
  files.moveElsewhere(inbox, archive.id);
  await moveArchive.getByRole("button", { name: "Move to “Inbox”" }).click();

  const alert = moveArchive.getByRole("alert");
  await expect(alert).toContainText('"Archive" cannot move into itself or one of its subfolders.');
  await expect(alert).toBeFocused();
  await expect(moveArchive).toBeVisible();
  await page.screenshot({ path: "test-results/files-move-into-itself.png", fullPage: true });

  await moveArchive.getByRole("button", { name: "Cancel" }).click();
  await expect(moveArchive).toBeHidden();
  await expect(
    page.getByRole("button", { name: "Actions for Archive", exact: true }),
  ).toBeFocused();
  expect(files.callsTo(`PATCH /api/folders/${archive.id}`).map((c) => c.status)).toEqual([409]);
});

test("moves a file where its name is taken, keeping both", async ({ page }) => {
  const { auth, files } = await fakeApis(page);
  const drafts = files.addFolder("Drafts");
  files.addFile("plan.md", { parentId: drafts.id, mimeType: "text/markdown" });
  const plan = files.addFile("plan.md", { mimeType: "text/markdown" });

  await open(page, auth, `/files/file/${plan.id}`);
  await page.getByRole("button", { name: "Move…" }).click();
  const dialog = page.getByRole("dialog", { name: "Move “plan.md”" });
  await dialog.getByRole("button", { name: "Drafts" }).click();
  await dialog.getByRole("button", { name: "Move to “Drafts”" }).click();
  await expect(dialog.getByRole("alert")).toContainText('"plan.md" already exists in this folder.');

  await dialog.getByRole("button", { name: "Keep both" }).click();
  await expect(dialog).toBeHidden();
  await expect(said(page, "Moved")).toHaveText("Moved “plan.md” to Drafts.");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("plan (1).md");
  await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toContainText("Drafts");
  expect(files.callsTo(`PATCH /api/files/${plan.id}`).map((c) => c.body)).toEqual([
    { parentId: drafts.id },
    { parentId: drafts.id, onConflict: "rename" },
  ]);
});
