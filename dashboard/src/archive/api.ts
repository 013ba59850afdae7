import type { Page } from "@/files/api";
import { apiFetch } from "@/lib/client";
import { readEventObject } from "@/lib/events";

export type ArchiveStatus = "preparing" | "ready" | "failed" | "expired";

/** A zip of files and folders, built in the background by the archive worker. */
export interface Archive {
  id: string;
  /** The zip's file name, e.g. "Photos.zip". */
  name: string;
  status: ArchiveStatus;
  /** Files and folders in the zip, and the bytes of its files before compression. */
  entries: number;
  totalBytes: number;
  entriesDone: number;
  bytesDone: number;
  /** The zip's size once ready. */
  size: number | null;
  /** Why it failed. */
  error: string | null;
  createdAt: string;
  expiresAt: string;
  /** A fresh signed link on every read, once ready. */
  downloadUrl?: string | null;
  downloadUrlExpiresAt?: string | null;
}

/**
 * An `archive` event of the live stream: the archive's state after a change, without a download
 * link. "deleted" means it is gone (canceled, maybe in another tab).
 */
export type ArchiveChange = Omit<Archive, "status" | "downloadUrl" | "downloadUrlExpiresAt"> & {
  status: ArchiveStatus | "deleted";
};

/** The archive an `archive` event's data is about, or null when it is not one. */
export function readArchiveChange(data: string): ArchiveChange | null {
  const change = readEventObject(data);
  return change && typeof change.id === "string" && typeof change.status === "string"
    ? (change as unknown as ArchiveChange)
    : null;
}

const id = encodeURIComponent;

/** Asks for a zip of `items` (file and folder ids); it is built in the background. */
export function requestArchive(items: string[], name?: string): Promise<Archive> {
  return apiFetch<Archive>("/api/archives", {
    method: "POST",
    auth: true,
    json: name ? { items, name } : { items },
  });
}

export function getArchive(archiveId: string, signal?: AbortSignal): Promise<Archive> {
  return apiFetch<Archive>(`/api/archives/${id(archiveId)}`, { auth: true, signal });
}

/** The account's archives not yet expired, newest first. */
export function listArchives(signal?: AbortSignal): Promise<Page<Archive>> {
  return apiFetch<Page<Archive>>("/api/archives?limit=20", { auth: true, signal });
}

export function deleteArchive(archiveId: string): Promise<void> {
  return apiFetch<void>(`/api/archives/${id(archiveId)}`, { method: "DELETE", auth: true });
}
