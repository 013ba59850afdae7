import type { Page } from "@/files/api";
import { apiFetch, apiRequest, NetworkError } from "@/lib/client";

/** One entry of the audit log of the account's files. */
export interface Activity {
  id: string;
  actorId: string | null;
  /** `<kind>.<verb>`, e.g. `folder.created`, `file.renamed`, `file.download-url-issued`. */
  action: string;
  resourceKind: string;
  resourceId: string | null;
  resourceName: string | null;
  details: Record<string, unknown> | null;
  occurredAt: string;
}

/** The audit log, newest first. */
export function listActivity(
  cursor: string | null,
  limit: number,
  signal?: AbortSignal,
): Promise<Page<Activity>> {
  const params = new URLSearchParams({ limit: String(limit) });
  if (cursor) {
    params.set("cursor", cursor);
  }
  return apiFetch<Page<Activity>>(`/api/activity?${params}`, { auth: true, signal });
}

/** The whole audit log as CSV, oldest first. */
export async function exportActivity(): Promise<Blob> {
  const path = "/api/activity/export";
  const response = await apiRequest(path, {
    auth: true,
    headers: { accept: "text/csv, application/problem+json" },
  });
  try {
    return await response.blob();
  } catch (cause) {
    throw new NetworkError(response.url || path, { cause });
  }
}
