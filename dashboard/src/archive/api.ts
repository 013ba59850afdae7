import type { components } from "@/api/generated/metadata-service";
import { api, read } from "@/lib/client";
import { readEventObject } from "@/lib/events";

/**
 * A zip of files and folders, built in the background by the archive worker: `preparing`, then
 * `ready` or `failed`, later `expired`. It holds `entries` files and folders of `totalBytes`
 * before compression; `size` once ready, `error` when it failed, and a fresh signed
 * `downloadUrl` on every read once ready.
 */
export type Archive = components["schemas"]["ArchiveResponse"];

/**
 * An `archive` event of the live stream: the archive's state after a change, without a download
 * link. The status "deleted" means it is gone (canceled, maybe in another tab).
 */
export type ArchiveChange = Omit<Archive, "downloadUrl" | "downloadUrlExpiresAt">;

/** The archive an `archive` event's data is about, or null when it is not one. */
export function readArchiveChange(data: string): ArchiveChange | null {
  const change = readEventObject(data);
  return change && typeof change.id === "string" && typeof change.status === "string"
    ? (change as unknown as ArchiveChange)
    : null;
}

/** Asks for a zip of `items` (file and folder ids); it is built in the background. */
export function requestArchive(items: string[], name?: string): Promise<Archive> {
  return read(api.POST("/api/archives", { body: name ? { items, name } : { items } }));
}

export function getArchive(archiveId: string, signal?: AbortSignal): Promise<Archive> {
  return read(api.GET("/api/archives/{id}", { params: { path: { id: archiveId } }, signal }));
}

/** The account's archives not yet expired, newest first: the first page of 20. */
export function listArchives(signal?: AbortSignal) {
  return read(api.GET("/api/archives", { params: { query: { limit: 20 } }, signal }));
}

export async function deleteArchive(archiveId: string): Promise<void> {
  await api.DELETE("/api/archives/{id}", { params: { path: { id: archiveId } } });
}
