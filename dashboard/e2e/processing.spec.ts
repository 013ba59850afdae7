import { expect, test } from "@playwright/test";
import { problem } from "./fake-api";
import type { FakeFilesApi } from "./fake-files-api";
import { chooseAction, fakeApis, open, row, serveDownloads, table } from "./files-helpers";

/** The reads of one file (`GET /api/files/{id}`) from the `from`-th files call on. */
function fileReads(files: FakeFilesApi, fileId: string, from = 0) {
  return files.calls
    .slice(from)
    .filter((c) => c.method === "GET" && c.path === `/api/files/${fileId}`);
}

test("a file being processed shows ready or failed the moment it settles, without a reload", async ({
  page,
}) => {
  const { auth, files, events } = await fakeApis(page);
  const clip = files.addFile("clip.mp4", { mimeType: "video/mp4", statuses: ["processing"] });
  const scan = files.addFile("scan.bin", { statuses: ["processing"] });
  files.addFile("notes.txt", { mimeType: "text/plain" });

  await open(page, auth, "/files");
  await expect(row(page, "clip.mp4")).toContainText("Processing…");
  await expect(row(page, "scan.bin")).toContainText("Processing…");
  await expect.poll(() => events.open.length).toBe(1);
  const [stream] = events.opened;
  expect(auth.accessTokens.has(stream.token as string)).toBe(true);
  // Nothing sent before the stream opened comes again: each processing file is read once.
  const opened = stream.filesCallsAtOpen ?? Infinity;
  await expect.poll(() => fileReads(files, clip.id, opened).length).toBe(1);
  await expect.poll(() => fileReads(files, scan.id, opened).length).toBe(1);

  files.settleProcessing(clip.id, "ready");
  await expect(row(page, "clip.mp4")).not.toContainText("Processing…");
  await expect(row(page, "scan.bin")).toContainText("Processing…");
  // Found to be a PDF whose preview could not be made: said as the server says it.
  files.settleProcessing(scan.id, "failed", { mimeType: "application/pdf" });
  await expect(row(page, "scan.bin")).toContainText("Preview failed");
  // Told by events, not polls: no file was read again while the stream was open.
  expect(fileReads(files, clip.id, opened)).toHaveLength(1);
  // Nothing is processing any more: the stream is closed.
  await expect.poll(() => events.open.length).toBe(0);
  expect(events.calls).toHaveLength(1);
  await expect(table(page)).toContainText("notes.txt");
});

test("an event about another version, or another file, changes nothing", async ({ page }) => {
  const { auth, files, events } = await fakeApis(page);
  const clip = files.addFile("clip.mp4", { mimeType: "video/mp4", statuses: ["processing"] });

  await open(page, auth, "/files");
  await expect.poll(() => events.open.length).toBe(1);
  events.send("file", {
    id: clip.id,
    versionId: "an-older-version",
    status: "ready",
    mimeType: null,
  });
  events.send("file", { id: "file-elsewhere", versionId: "v", status: "failed", mimeType: null });
  events.send("file", { id: clip.id, status: "ready" });
  await page.waitForTimeout(500);
  await expect(row(page, "clip.mp4")).toContainText("Processing…");
  files.settleProcessing(clip.id, "ready");
  await expect(row(page, "clip.mp4")).not.toContainText("Processing…");
});

test("the file's page shows its version settle", async ({ page }) => {
  const { auth, files } = await fakeApis(page);
  const movie = files.addFile("movie.mov", {
    mimeType: "video/quicktime",
    sizes: [100, 200],
    statuses: ["ready", "processing"],
  });

  await open(page, auth, `/files/file/${movie.id}`);
  const versions = page.getByRole("list", { name: "Versions" });
  await expect(versions.getByRole("listitem").locator("p:first-child")).toHaveText([
    "Version 2CurrentProcessing…",
    "Version 1",
  ]);
  files.settleProcessing(movie.id, "ready");
  await expect(versions.getByRole("listitem").locator("p:first-child")).toHaveText([
    "Version 2Current",
    "Version 1",
  ]);
});

test("while the stream cannot be opened, processing files are read every few seconds", async ({
  page,
}) => {
  const { auth, files, events } = await fakeApis(page);
  events.refuse({
    ...problem(503, "SERVICE_UNAVAILABLE", "The events are not available now."),
    headers: { "retry-after": "60" },
  });
  const clip = files.addFile("clip.mp4", { mimeType: "video/mp4", statuses: ["processing"] });

  await open(page, auth, "/files");
  await expect(row(page, "clip.mp4")).toContainText("Processing…");
  await expect.poll(() => events.calls.map((c) => c.status)).toEqual([503]);
  // A change no event tells (the stream is down) is found by the next poll, within 3 s.
  files.settleProcessing(clip.id, "ready", { tell: false });
  await expect(row(page, "clip.mp4")).not.toContainText("Processing…", { timeout: 5_000 });
  expect(events.opened).toHaveLength(0);
});

test("the archive panel and a folder's processing files share the tab's one stream", async ({
  page,
}) => {
  const { auth, files, events } = await fakeApis(page);
  const photos = files.addFolder("Photos");
  files.addFile("beach.jpg", { parentId: photos.id, mimeType: "image/jpeg", sizes: [3_000_000] });
  const clip = files.addFile("clip.mp4", { mimeType: "video/mp4", statuses: ["processing"] });
  await serveDownloads(page, "Photos.zip", "application/zip");

  await open(page, auth, "/files");
  await expect.poll(() => events.open.length).toBe(1);
  await chooseAction(page, "Photos", "Download as zip");
  const panel = page.getByRole("region", { name: "Zip archives" });
  await expect(panel).toContainText("Preparing");
  const archive = [...files.archives.values()].at(-1);
  if (!archive) {
    throw new Error("no archive was asked for");
  }
  // The panel joins the stream already open and reads its archive once, to catch up.
  await expect
    .poll(() => files.calls.filter((c) => c.path === `/api/archives/${archive.id}`).length)
    .toBe(1);
  events.sendArchive({ ...archive, entriesDone: 1, bytesDone: 900_000 });
  await expect(panel).toContainText("Preparing: 1 of 2 items");
  const downloaded = page.waitForEvent("download");
  files.finishArchive(archive.id, { size: 3_100_000 });
  await downloaded;
  expect(events.calls).toHaveLength(1);

  // The folder still follows its processing file on the same stream, then lets it go.
  expect(events.open).toHaveLength(1);
  files.settleProcessing(clip.id, "ready");
  await expect(row(page, "clip.mp4")).not.toContainText("Processing…");
  await expect.poll(() => events.open.length).toBe(0);
  expect(events.calls).toHaveLength(1);
});
