import { writeFileSync } from "node:fs";
import { expect, test, type FileChooser, type Page } from "@playwright/test";
import { problem } from "./fake-api";
import { FakeTusServer } from "./fake-tus-server";
import { fakeApis, names, open, row, table } from "./files-helpers";

/** The fake auth and metadata APIs, and the fake upload service (tus) beside them. */
async function uploadApis(page: Page) {
  const apis = await fakeApis(page);
  const tus = new FakeTusServer(apis.files);
  await tus.install(page);
  return { ...apis, tus };
}

/** `size` bytes that differ along the way, so that a lost, doubled or shifted part shows. */
function content(size: number, seed = 1): Buffer {
  const bytes = Buffer.alloc(size);
  let x = seed;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    bytes[i] = (x >>> 16) & 0xff;
  }
  return bytes;
}

/** Chooses files with the file picker that the "Upload" button opens. */
async function chooseFiles(page: Page, files: Parameters<FileChooser["setFiles"]>[0]) {
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Upload", exact: true }).click();
  await (await chooser).setFiles(files);
}

/** The upload panel. */
function panel(page: Page) {
  return page.getByRole("complementary", { name: "Uploads" });
}

/** The panel's entry of the upload of `name`. */
function upload(page: Page, name: string) {
  return panel(page).getByRole("listitem", { name, exact: true });
}

function progress(page: Page, name: string) {
  return upload(page, name).getByRole("progressbar", { name, exact: true });
}

test("uploads a chosen file with tus into the folder shown: every byte arrives and it is listed", async ({
  page,
}) => {
  const { auth, files, tus } = await uploadApis(page);
  const documents = files.addFolder("Documents");
  files.addFile("agenda.txt", { parentId: documents.id, mimeType: "text/plain" });
  const bytes = content(300 * 1024);

  await open(page, auth, `/files/folder/${documents.id}`);
  await expect(names(page)).toHaveText(["agenda.txt"]);
  await chooseFiles(page, { name: "notes.txt", mimeType: "text/plain", buffer: bytes });

  await expect(upload(page, "notes.txt")).toContainText("Done");
  await expect(progress(page, "notes.txt")).toHaveAttribute("aria-valuenow", "100");
  await expect(upload(page, "notes.txt")).toContainText("300 KB of 300 KB · to “Documents”");
  await expect(panel(page).getByRole("status")).toHaveText("Uploaded “notes.txt” to “Documents”.");
  await expect(names(page)).toHaveText(["agenda.txt", "notes.txt"]);
  await expect(row(page, "notes.txt")).toContainText("300 KB");
  await page.screenshot({ path: "test-results/upload-done.png", fullPage: true });

  const starts = files.callsTo("POST /api/files");
  expect(starts.map((c) => c.body)).toEqual([
    {
      folderId: documents.id,
      name: "notes.txt",
      size: bytes.length,
      mimeType: "text/plain",
      onConflict: "fail",
    },
  ]);
  expect(starts[0].token).toMatch(/^access-/);

  // The bytes go to the upload service with tus, authorised by the ticket alone.
  const [creation] = tus.callsTo("POST");
  const ticket = creation.metadata?.ticket ?? "";
  expect(creation.metadata).toEqual({ ticket, filename: "notes.txt", filetype: "text/plain" });
  expect(ticket).toMatch(/^ticket-\d+$/);
  expect(creation.headers["upload-length"]).toBe(String(bytes.length));
  expect(tus.calls.map((c) => c.headers.authorization)).toEqual([undefined, undefined]);
  expect(tus.calls.map((c) => `${c.method} ${c.path} ${c.status}`)).toEqual([
    "POST /api/uploads 201",
    "PATCH /api/uploads/u1 204",
  ]);
  expect(tus.received(ticket).equals(bytes)).toBe(true);

  // The file is listed a moment after its last byte: the dashboard asked until it was there.
  const notes = files.byName("notes.txt");
  const polls = files.callsTo(`GET /api/files/${notes.id}`).map((c) => c.status);
  expect(polls).toContain(404);
  expect(polls.at(-1)).toBe(200);
});

test("sends at most three files at a time while the others wait, and shows their progress", async ({
  page,
}) => {
  const { auth, files, tus } = await uploadApis(page);
  const chosen = ["a.bin", "b.bin", "c.bin", "d.bin"].map((name, i) => ({
    name,
    mimeType: "application/octet-stream",
    buffer: content(20_000 + i, i + 2),
  }));
  tus.hold();

  await open(page, auth, "/files");
  await chooseFiles(page, chosen);

  await expect.poll(() => tus.held).toBe(3);
  for (const name of ["a.bin", "b.bin", "c.bin"]) {
    await expect(upload(page, name)).toContainText("Uploading");
  }
  await expect(upload(page, "d.bin")).toContainText("Waiting");
  await expect(progress(page, "d.bin")).toHaveAttribute("aria-valuenow", "0");
  await expect(panel(page)).toContainText("3 uploading, 1 waiting");
  expect(files.callsTo("POST /api/files")).toHaveLength(3);
  expect(tus.callsTo("POST")).toHaveLength(3);
  await page.screenshot({ path: "test-results/upload-running.png", fullPage: true });

  tus.release();
  for (const { name } of chosen) {
    await expect(upload(page, name)).toContainText("Done");
    await expect(progress(page, name)).toHaveAttribute("aria-valuenow", "100");
  }
  await expect(panel(page)).toContainText("4 done");
  await expect(names(page)).toHaveText(["a.bin", "b.bin", "c.bin", "d.bin"]);
  for (const creation of tus.callsTo("POST")) {
    const sent = chosen.find((f) => f.name === creation.metadata?.filename);
    expect(
      tus.received(creation.metadata?.ticket ?? "").equals(sent?.buffer ?? Buffer.alloc(1)),
    ).toBe(true);
  }

  // Closing the panel once everything is done forgets the uploads.
  await panel(page).getByRole("button", { name: "Close the uploads" }).click();
  await expect(panel(page)).toBeHidden();
});

test("asks what to do when the name is taken: keep both, replace, or cancel", async ({ page }) => {
  const { auth, files, tus } = await uploadApis(page);
  const report = files.addFile("report.pdf", { mimeType: "application/pdf", sizes: [1000] });
  files.addFolder("Photos");
  const pdf = { name: "report.pdf", mimeType: "application/pdf", buffer: content(2000) };
  await open(page, auth, "/files");

  await test.step("keep both: the upload gets a number", async () => {
    await chooseFiles(page, pdf);
    const dialog = page.getByRole("dialog", { name: "“report.pdf” already exists" });
    await expect(dialog).toHaveAccessibleDescription(
      "A file of this name is already in “My files”.",
    );
    await expect(dialog.getByRole("button", { name: "Keep both" })).toBeFocused();
    await expect(dialog.getByRole("button", { name: "Keep both" })).toHaveAccessibleDescription(
      "The upload is saved as “report (1).pdf” (or the next free number).",
    );
    await expect(upload(page, "report.pdf")).toContainText("Waiting for your choice");
    await page.screenshot({ path: "test-results/upload-conflict.png", fullPage: true });

    await dialog.getByRole("button", { name: "Keep both" }).click();
    await expect(dialog).toBeHidden();
    await expect(upload(page, "report.pdf")).toContainText("Done");
    await expect(upload(page, "report.pdf")).toContainText("Saved as “report (1).pdf”.");
    await expect(names(page)).toHaveText(["Photos", "report (1).pdf", "report.pdf"]);
    await panel(page).getByRole("button", { name: "Close the uploads" }).click();
  });

  await test.step("replace: the upload becomes the file's new version", async () => {
    await chooseFiles(page, pdf);
    const dialog = page.getByRole("dialog", { name: "“report.pdf” already exists" });
    await dialog.getByRole("button", { name: "Replace" }).click();
    await expect(dialog).toBeHidden();
    await expect(upload(page, "report.pdf")).toContainText("Done");
    await expect(upload(page, "report.pdf")).toContainText("Saved as version 2 of “report.pdf”.");
    await expect(row(page, "report.pdf")).toContainText("2 KB");
    await expect(names(page)).toHaveText(["Photos", "report (1).pdf", "report.pdf"]);
    expect(files.versions.get(report.id)?.map((v) => v.size)).toEqual([1000, 2000]);
    await panel(page).getByRole("button", { name: "Close the uploads" }).click();
  });

  await test.step("a folder holds the name: it cannot be replaced; cancel", async () => {
    await chooseFiles(page, { name: "photos", mimeType: "text/plain", buffer: content(10) });
    const dialog = page.getByRole("dialog", { name: "“photos” already exists" });
    await expect(dialog).toHaveAccessibleDescription(
      "A folder of this name is already in “My files”.",
    );
    await expect(dialog.getByRole("button", { name: "Replace" })).toHaveCount(0);
    await dialog.getByRole("button", { name: "Cancel upload" }).click();
    await expect(dialog).toBeHidden();
    await expect(upload(page, "photos")).toContainText("Canceled");
  });

  expect(files.callsTo("POST /api/files").map((c) => [c.body?.onConflict, c.status])).toEqual([
    ["fail", 409],
    ["rename", 201],
    ["fail", 409],
    ["newVersion", 201],
    ["fail", 409],
  ]);
  expect(tus.callsTo("POST")).toHaveLength(2);
});

test("says when an upload does not fit in the storage, and retries once there is room", async ({
  page,
}) => {
  const { auth, files, tus } = await uploadApis(page);
  files.limitBytes = 5000;
  files.addFile("big.iso", { sizes: [4000] });
  await open(page, auth, "/files");

  await chooseFiles(page, { name: "photo.jpg", mimeType: "image/jpeg", buffer: content(3000) });
  const entry = upload(page, "photo.jpg");
  await expect(entry).toContainText("Failed");
  await expect(entry).toContainText(
    "The upload does not fit in your storage: 1000 bytes are left.",
  );
  await expect(panel(page).getByRole("status")).toHaveText(
    "The upload of “photo.jpg” failed: The upload does not fit in your storage: 1000 bytes are left.",
  );
  expect(tus.calls).toHaveLength(0);

  files.limitBytes = 10_000;
  await entry.getByRole("button", { name: "Retry photo.jpg" }).click();
  await expect(entry).toContainText("Done");
  await expect(names(page)).toHaveText(["big.iso", "photo.jpg"]);
  expect(files.callsTo("POST /api/files").map((c) => c.status)).toEqual([413, 201]);
});

test("tries a PATCH that failed with a server error again, from the offset the server has", async ({
  page,
}) => {
  const { auth, files, tus } = await uploadApis(page);
  tus.answerNext("PATCH", problem(500, "INTERNAL_ERROR", "internal error"));
  const bytes = content(100_000, 5);
  await open(page, auth, "/files");

  await chooseFiles(page, {
    name: "data.bin",
    mimeType: "application/octet-stream",
    buffer: bytes,
  });
  await expect(upload(page, "data.bin")).toContainText("Done");
  await expect(names(page)).toHaveText(["data.bin"]);
  expect(tus.calls.map((c) => `${c.method} ${c.status}`)).toEqual([
    "POST 201",
    "PATCH 500",
    "HEAD 200",
    "PATCH 204",
  ]);
  expect(tus.received(tus.callsTo("POST")[0].metadata?.ticket ?? "").equals(bytes)).toBe(true);
  expect(files.callsTo("POST /api/files")).toHaveLength(1);
});

test("shows the upload service's problem, and starts over when its upload is gone", async ({
  page,
}) => {
  const { auth, files, tus } = await uploadApis(page);
  tus.answerNext(
    "PATCH",
    problem(410, "UPLOAD_GONE", "This upload expired or was terminated: start it again."),
  );
  const bytes = content(5000, 9);
  await open(page, auth, "/files");

  await chooseFiles(page, { name: "retry.txt", mimeType: "text/plain", buffer: bytes });
  const entry = upload(page, "retry.txt");
  await expect(entry).toContainText("Failed");
  await expect(entry).toContainText("This upload expired or was terminated: start it again.");
  expect(tus.calls.map((c) => `${c.method} ${c.status}`)).toEqual(["POST 201", "PATCH 410"]);

  // Its ticket is no good any more: a retry starts the upload again.
  await entry.getByRole("button", { name: "Retry retry.txt" }).click();
  await expect(entry).toContainText("Done");
  await expect(names(page)).toHaveText(["retry.txt"]);
  expect(files.callsTo("POST /api/files")).toHaveLength(2);
  const creations = tus.callsTo("POST").map((c) => c.metadata?.ticket ?? "");
  expect(creations).toHaveLength(2);
  expect(creations[0]).not.toBe(creations[1]);
  expect(tus.received(creations[1]).equals(bytes)).toBe(true);
});

test("cancels an upload: the upload service is told to delete it (tus termination)", async ({
  page,
}) => {
  const { auth, files, tus } = await uploadApis(page);
  tus.hold();
  await open(page, auth, "/files");

  await chooseFiles(page, { name: "movie.mp4", mimeType: "video/mp4", buffer: content(50_000) });
  await expect.poll(() => tus.held).toBe(1);
  await expect.poll(() => files.reservedBytes).toBe(50_000);
  await upload(page, "movie.mp4").getByRole("button", { name: "Cancel movie.mp4" }).click();

  await expect(upload(page, "movie.mp4")).toContainText("Canceled");
  await expect(panel(page).getByRole("status")).toHaveText("Canceled the upload of “movie.mp4”.");
  await expect
    .poll(() => tus.callsTo("DELETE").map((c) => `${c.path} ${c.status}`))
    .toEqual(["/api/uploads/u1 204"]);
  tus.release({ store: false });
  expect(files.reservedBytes).toBe(0);
  await expect(page.getByText("This folder is empty.")).toBeVisible();
  // Nothing is kept to resume it.
  expect(
    await page.evaluate(() =>
      Object.keys(localStorage).filter((k) => k.startsWith("tus::") || k.startsWith("depot.")),
    ),
  ).toEqual(["depot.signed-in"]);
});

test("pauses and resumes an upload from the bytes the server has", async ({ page }) => {
  const { auth, tus } = await uploadApis(page);
  const bytes = content(80_000, 3);
  // The server takes 30,000 bytes of the first request; the next one hangs.
  tus.takeAtMostNext(30_000);
  tus.hold({ fromOffset: 30_000 });
  await open(page, auth, "/files");

  await chooseFiles(page, { name: "big.bin", mimeType: "application/octet-stream", buffer: bytes });
  await expect.poll(() => tus.held).toBe(1);
  const entry = upload(page, "big.bin");
  await entry.getByRole("button", { name: "Pause big.bin" }).click();
  await expect(entry).toContainText("Paused");
  await expect(progress(page, "big.bin")).toHaveAttribute("aria-valuenow", "37");
  await expect(entry).toContainText("29.3 KB of 78.1 KB");
  tus.release({ store: false });

  await entry.getByRole("button", { name: "Resume big.bin" }).click();
  await expect(entry).toContainText("Done");
  expect(tus.calls.map((c) => `${c.method} ${c.headers["upload-offset"] ?? ""}`)).toEqual([
    "POST ",
    "PATCH 0",
    "PATCH 30000",
    "HEAD ",
    "PATCH 30000",
  ]);
  expect(tus.received(tus.callsTo("POST")[0].metadata?.ticket ?? "").equals(bytes)).toBe(true);
});

test("warns before leaving, and resumes after a reload when the same file is chosen again", async ({
  page,
}, testInfo) => {
  const { auth, files, tus } = await uploadApis(page);
  const documents = files.addFolder("Documents");
  const path = testInfo.outputPath("holiday.mov");
  const bytes = content(90_000, 11);
  writeFileSync(path, bytes);
  tus.takeAtMostNext(40_000);
  tus.hold({ fromOffset: 40_000 });
  await open(page, auth, `/files/folder/${documents.id}`);

  await chooseFiles(page, path);
  await expect.poll(() => tus.held).toBe(1);

  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.type());
    await dialog.accept();
  });
  await page.reload();
  expect(dialogs).toEqual(["beforeunload"]);
  tus.release({ store: false });
  await expect(page.getByRole("heading", { level: 1, name: "Documents" })).toBeVisible();
  await expect(panel(page)).toBeHidden();

  await chooseFiles(page, path);
  await expect(upload(page, "holiday.mov")).toContainText("Done");
  await expect(names(page)).toHaveText(["holiday.mov"]);
  // No new start: the ticket and the upload of the first page go on from the server's offset.
  expect(files.callsTo("POST /api/files")).toHaveLength(1);
  expect(tus.calls.map((c) => `${c.method} ${c.path} ${c.headers["upload-offset"] ?? ""}`)).toEqual(
    [
      "POST /api/uploads ",
      "PATCH /api/uploads/u1 0",
      "PATCH /api/uploads/u1 40000",
      "HEAD /api/uploads/u1 ",
      "PATCH /api/uploads/u1 40000",
    ],
  );
  expect(tus.received(tus.callsTo("POST")[0].metadata?.ticket ?? "").equals(bytes)).toBe(true);

  // Once done, leaving asks nothing.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Documents" })).toBeVisible();
  expect(dialogs).toEqual(["beforeunload"]);
});

test("uploads files dropped on the folder, highlighting it while they are over it", async ({
  page,
}) => {
  const { auth, files, tus } = await uploadApis(page);
  const text = "dropped bytes ".repeat(300);
  await open(page, auth, "/files");
  await expect(page.getByText("This folder is empty.")).toBeVisible();

  const dataTransfer = await page.evaluateHandle((body) => {
    const data = new DataTransfer();
    data.items.add(new File([body], "dropped.txt", { type: "text/plain" }));
    return data;
  }, text);
  const target = page.getByText("This folder is empty.");
  const highlight = page.getByText("Drop files to upload them to “My files”");

  await target.dispatchEvent("dragenter", { dataTransfer });
  await expect(highlight).toBeVisible();
  await page.screenshot({ path: "test-results/upload-drop.png", fullPage: true });
  await target.dispatchEvent("dragleave", { dataTransfer });
  await expect(highlight).toBeHidden();

  await target.dispatchEvent("dragenter", { dataTransfer });
  await target.dispatchEvent("dragover", { dataTransfer });
  await target.dispatchEvent("drop", { dataTransfer });
  await expect(highlight).toBeHidden();
  await expect(upload(page, "dropped.txt")).toContainText("Done");
  await expect(names(page)).toHaveText(["dropped.txt"]);
  expect(files.callsTo("POST /api/files").map((c) => c.body)).toEqual([
    { name: "dropped.txt", size: text.length, mimeType: "text/plain", onConflict: "fail" },
  ]);
  const ticket = tus.callsTo("POST")[0].metadata?.ticket ?? "";
  expect(tus.received(ticket).toString("utf8")).toBe(text);
});

test("marks files being processed and files whose preview failed, in lists and versions", async ({
  page,
}) => {
  const { auth, files } = await uploadApis(page);
  files.addFile("clip.mp4", { mimeType: "video/mp4", statuses: ["processing"] });
  files.addFile("scan.pdf", { mimeType: "application/pdf", statuses: ["failed"] });
  files.addFile("notes.txt", { mimeType: "text/plain" });
  const movie = files.addFile("movie.mov", {
    mimeType: "video/quicktime",
    sizes: [100, 200, 300],
    statuses: ["ready", "failed", "processing"],
  });

  await open(page, auth, "/files");
  await expect(row(page, "clip.mp4")).toContainText("Processing…");
  await expect(row(page, "scan.pdf")).toContainText("Preview failed");
  await expect(row(page, "notes.txt")).not.toContainText(/Processing…|Preview failed/);
  // The badge sits beside the link, which keeps the file's name.
  await expect(table(page).getByRole("link", { name: "scan.pdf", exact: true })).toBeVisible();
  await page.screenshot({ path: "test-results/upload-badges.png", fullPage: true });

  await table(page).getByRole("link", { name: "movie.mov", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/files/file/${movie.id}$`));
  const versions = page.getByRole("list", { name: "Versions" });
  await expect(versions.getByRole("listitem").locator("p:first-child")).toHaveText([
    "Version 3CurrentProcessing…",
    "Version 2Preview failed",
    "Version 1",
  ]);
  // A failed preview leaves the bytes: the version can still be downloaded.
  await expect(versions.getByRole("button", { name: "Download version 2" })).toBeVisible();
  await expect(versions.getByRole("button", { name: "Download version 3" })).toBeVisible();
});
