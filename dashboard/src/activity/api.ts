import type { components } from "@/api/generated/metadata-service";
import { api, read } from "@/lib/client";
import { pagedQuery } from "@/lib/paging";

/** One entry of the audit log of the account's files. */
export type Activity = components["schemas"]["ActivityResponse"];

const PAGE_SIZE = 50;

/** The audit log, newest first. */
export function activityQuery() {
  return pagedQuery(["activity"], (cursor, signal) =>
    read(
      api.GET("/api/activity", {
        params: { query: { limit: PAGE_SIZE, cursor: cursor ?? undefined } },
        signal,
      }),
    ),
  );
}

/** The whole audit log as CSV, oldest first. */
export function exportActivity(): Promise<Blob> {
  return read(
    api.GET("/api/activity/export", {
      parseAs: "blob",
      headers: { accept: "text/csv, application/problem+json" },
    }),
  );
}
