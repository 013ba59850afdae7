import { expect, test } from "@playwright/test";
import { fakeApis, names, open, row, table } from "./files-helpers";

test("searches by name from the sidebar, filters by type and opens a result", async ({ page }) => {
  const { auth, files } = await fakeApis(page);
  const trips = files.addFolder("Beach trips");
  const photo = files.addFile("beach.jpg", { parentId: trips.id, mimeType: "image/jpeg" });
  files.addFile("beach-notes.txt", { mimeType: "text/plain" });
  files.addFile("mountains.jpg", { mimeType: "image/jpeg" });

  await open(page, auth, "/files");
  const search = page.getByRole("search", { name: "Search your files" });
  await search.getByRole("searchbox", { name: "Search by name" }).fill("  beach ");
  await search.getByRole("button", { name: "Search" }).click();

  await expect(page).toHaveURL(/\/files\/search\?q=beach$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Results for “beach”");
  await expect(page.getByRole("status").filter({ hasText: "matches" })).toHaveText("3 matches.");
  await expect(names(page, "Search results")).toHaveText([
    "Beach trips",
    "beach-notes.txt",
    "beach.jpg",
  ]);
  await expect(row(page, "beach.jpg", "Search results")).toContainText("Image");
  await expect(row(page, "Beach trips", "Search results")).toContainText("Folder");
  // The box keeps the search.
  await expect(search.getByRole("searchbox")).toHaveValue("beach");

  await page.getByLabel("Type").selectOption({ label: "Images" });
  await expect(page).toHaveURL(/\/files\/search\?q=beach&type=image$/);
  await expect(names(page, "Search results")).toHaveText(["beach.jpg"]);
  await expect(page.getByRole("status").filter({ hasText: "match" })).toHaveText(
    "1 match among images.",
  );

  await page.getByLabel("Type").selectOption({ label: "Videos" });
  await expect(page.getByRole("status").filter({ hasText: "Nothing" })).toHaveText(
    "Nothing matches “beach” among videos.",
  );

  await page.getByLabel("Type").selectOption({ label: "Images" });
  await table(page, "Search results").getByRole("link", { name: "beach.jpg" }).click();
  await expect(page).toHaveURL(new RegExp(`/files/file/${photo.id}$`));
  await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toContainText("Beach trips");

  expect(files.callsTo("GET /api/search").map((c) => c.query)).toEqual([
    { q: "beach", limit: "50" },
    { q: "beach", type: "image", limit: "50" },
    { q: "beach", type: "video", limit: "50" },
    { q: "beach", type: "image", limit: "50" },
  ]);
});

test("an empty search asks for a name instead of asking the API", async ({ page }) => {
  const { auth, files } = await fakeApis(page);
  await open(page, auth, "/files/search");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Search");
  await expect(page.getByRole("main")).toContainText("Type a name in the search box");

  const box = page.getByRole("searchbox", { name: "Search by name" });
  await box.fill("   ");
  await page.getByRole("search").getByRole("button", { name: "Search" }).click();
  await expect(box).toBeFocused();
  await expect(page).toHaveURL(/\/files\/search$/);
  expect(files.callsTo("GET /api/search")).toHaveLength(0);
});
