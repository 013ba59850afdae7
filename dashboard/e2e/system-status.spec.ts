import { expect, test, type Page } from "@playwright/test";

const STATUS_URL = "**/api/status";

const allServices = {
  services: [
    { name: "auth-service", status: "UP" },
    { name: "metadata-service", status: "UP" },
    { name: "upload-service", status: "UP" },
    { name: "download-service", status: "UP" },
    { name: "transcode-worker", status: "DOWN" },
  ],
};

// The dashboard (127.0.0.1:3107) calls the gateway on another origin, so the answer needs CORS.
const cors = { "access-control-allow-origin": "*" };

function region(page: Page) {
  return page.getByRole("region", { name: "System status" });
}

test("shows a badge for every service the gateway reports", async ({ page }) => {
  let requested = "";
  await page.route(STATUS_URL, async (route) => {
    requested = route.request().url();
    await route.fulfill({ status: 200, headers: cors, json: allServices });
  });

  await page.goto("/");

  await expect(page).toHaveTitle("Depot");
  await expect(page.getByRole("banner").getByRole("heading", { name: "Depot" })).toBeVisible();
  await expect(page.getByRole("main")).toBeVisible();
  await expect(page.getByTestId("status-region")).toHaveAttribute("aria-live", "polite");

  const items = region(page).getByRole("listitem");
  await expect(items).toHaveCount(5);
  await expect(items.filter({ hasText: "auth-service" })).toContainText("Up");
  await expect(items.filter({ hasText: "download-service" })).toContainText("Up");
  await expect(items.filter({ hasText: "transcode-worker" })).toContainText("Down");
  await expect(region(page)).toContainText("1 of 5 services is not up.");
  await expect(region(page)).not.toContainText("API unreachable");
  expect(requested).toMatch(/\/api\/status$/);

  await page.screenshot({ path: "test-results/system-status.png", fullPage: true });
});

test("says the API is unreachable when the gateway answers 503", async ({ page }) => {
  await page.route(STATUS_URL, (route) =>
    route.fulfill({
      status: 503,
      headers: { ...cors, "content-type": "application/problem+json" },
      body: JSON.stringify({
        type: "https://depot.dev/problems/backend-unavailable",
        title: "Service Unavailable",
        status: 503,
        detail: "metadata-service is not answering",
        code: "BACKEND_UNAVAILABLE",
        traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
      }),
    }),
  );

  await page.goto("/");

  await expect(region(page)).toContainText("API unreachable");
  await expect(region(page)).toContainText(
    "The gateway answered 503 Service Unavailable: metadata-service is not answering",
  );
  await expect(region(page)).toContainText("4bf92f3577b34da6a3ce929d0e0e4736");
  await expect(region(page).getByRole("listitem")).toHaveCount(0);

  await page.screenshot({ path: "test-results/system-status-unreachable.png", fullPage: true });
});

test("says the API is unreachable when nothing answers, and checks again on request", async ({
  page,
}) => {
  let calls = 0;
  await page.route(STATUS_URL, async (route) => {
    calls += 1;
    if (calls === 1) {
      await route.abort("connectionrefused");
    } else {
      await route.fulfill({ status: 200, headers: cors, json: allServices });
    }
  });

  await page.goto("/");

  await expect(region(page)).toContainText("API unreachable");
  await expect(region(page)).toContainText("Is the gateway running?");
  await page.screenshot({ path: "test-results/system-status-no-answer.png", fullPage: true });

  await region(page).getByRole("button", { name: "Check again" }).click();

  await expect(region(page).getByRole("listitem")).toHaveCount(5);
  await expect(region(page)).not.toContainText("API unreachable");
});
