import { expect, test } from "@playwright/test";
import { fakeApis, open } from "./files-helpers";

const MiB = 1024 ** 2;
const GiB = 1024 ** 3;

test("shows the storage used against the limit, with what it is made of", async ({ page }) => {
  const { auth, files } = await fakeApis(page);
  files.addFile("disk.iso", { sizes: [GiB, 2 * GiB] });
  files.trashElsewhere(files.addFile("old.iso", { sizes: [512 * MiB] }));
  files.reservedBytes = 256 * MiB;

  await open(page, auth, "/files");
  const storage = page.getByRole("region", { name: "Storage" });
  const meter = storage.getByRole("meter", { name: "Storage used" });
  await expect(meter).toHaveAttribute("aria-valuenow", "38");
  await expect(meter).toHaveAttribute("aria-valuetext", "3.8 GB of 10 GB used (38%)");
  await expect(storage).toContainText("3.8 GB of 10 GB used (38%)");
  const legend = storage.locator("dl > div");
  await expect(legend).toHaveText([
    "Files2 GB",
    "Older versions1 GB",
    "Trash512 MB",
    "Uploads in progress256 MB",
    "Available6.3 GB",
  ]);
  // The bar's parts are as wide as their share of the limit.
  const widths = await meter
    .locator("span")
    .evaluateAll((parts) => parts.map((p) => (p as HTMLElement).style.width));
  expect(widths).toEqual(["20%", "10%", "5%", "2.5%"]);
  await expect(storage).not.toContainText("full");
  await page.screenshot({ path: "test-results/usage.png", fullPage: true });
});

test("says when the storage is full, and when an administrator set the limit", async ({ page }) => {
  const { auth, files } = await fakeApis(page);
  files.limitBytes = GiB;
  files.customLimit = true;
  files.addFile("big.iso", { sizes: [GiB + 10 * MiB] });

  await open(page, auth, "/files");
  const storage = page.getByRole("region", { name: "Storage" });
  await expect(storage.getByRole("meter")).toHaveAttribute("aria-valuenow", "100");
  await expect(storage).toContainText("Your storage is full.");
  await expect(storage).toContainText("Your limit of 1 GB was set for you.");
  await expect(storage.locator("dl > div").last()).toHaveText("Available0 bytes");
});

test("file pages ask to sign in first, and the home page leads to the files", async ({ page }) => {
  const { auth, files } = await fakeApis(page);

  await page.goto("/files/trash");
  await expect(page).toHaveURL(/\/login\?next=%2Ffiles%2Ftrash$/);
  expect(files.calls).toHaveLength(0);

  await page.getByLabel("Email address or username").fill("ada");
  await page.getByLabel("Password", { exact: true }).fill(auth.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Trash" })).toBeVisible();

  await page.getByRole("link", { name: "Depot" }).click();
  await expect(page.getByRole("region", { name: "System status" })).toBeVisible();
  await page
    .getByRole("region", { name: "Your files" })
    .getByRole("link", { name: "Open My files" })
    .click();
  await expect(page).toHaveURL(/\/files$/);
  await expect(page.getByRole("heading", { level: 1, name: "My files" })).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Files" }),
  ).toHaveAttribute("aria-current", "page");
});
