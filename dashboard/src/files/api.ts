import { apiFetch } from "@/lib/client";
import { readEventObject } from "@/lib/events";

export type ItemKind = "folder" | "file";

/** A folder or a file as metadata-service shows it. `size` and `mimeType` concern files only. */
export interface Item {
  id: string;
  kind: ItemKind;
  name: string;
  /** Null for the root folder. */
  parentId: string | null;
  size: number;
  mimeType: string | null;
  /** The current version of a file. */
  versionId: string | null;
  createdAt: string;
  modifiedAt: string;
  /** When the item went to the trash; null while it is live. */
  deletedAt: string | null;
  /**
   * A file's processing (previews, streams) after its upload; absent for folders and from older
   * services. A file whose processing failed can still be downloaded.
   */
  status?: FileStatus;
}

export type FileStatus = "processing" | "ready" | "failed";

/** What a live `file` event says: the file's current version settled (ready or failed). */
export interface FileChange {
  id: string;
  versionId: string;
  status: FileStatus;
  mimeType: string | null;
}

const FILE_STATUSES: readonly string[] = ["processing", "ready", "failed"];

/** The change a `file` event's data describes; null when it is not one. */
export function readFileChange(data: string): FileChange | null {
  const change = readEventObject(data);
  return change &&
    typeof change.id === "string" &&
    typeof change.versionId === "string" &&
    typeof change.status === "string" &&
    FILE_STATUSES.includes(change.status) &&
    (typeof change.mimeType === "string" || change.mimeType === null)
    ? (change as unknown as FileChange)
    : null;
}

/** `item` with `change` applied when it is about the version `item` shows; else `item`. */
export function applyFileChange<T extends Item>(item: T, change: FileChange): T {
  return item.id === change.id &&
    item.versionId === change.versionId &&
    (item.status !== change.status || item.mimeType !== change.mimeType)
    ? { ...item, status: change.status, mimeType: change.mimeType }
    : item;
}

/** One step of a breadcrumb trail. The root folder is named "/". */
export interface PathEntry {
  id: string;
  name: string;
}

/** A folder with its ancestors, from the root folder down to its parent. */
export interface FolderView {
  folder: Item;
  path: PathEntry[];
}

/** One page of a list: pass `nextCursor` back as `cursor` for the next page (null: the end). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type SortKey = "name" | "size" | "modified";
export type SortOrder = "asc" | "desc";

/** What to do when the name is taken: answer 409 `NAME_CONFLICT`, or add " (n)" to the name. */
export type OnConflict = "fail" | "rename";

export type VersionStatus = "uploading" | "processing" | "ready" | "failed";

export interface FileVersion {
  id: string;
  number: number;
  size: number;
  mimeType: string | null;
  sha256: string | null;
  status: VersionStatus;
  current: boolean;
  createdAt: string;
  createdBy: string | null;
}

/** A file, its current version and the folders from the root down to its parent. */
export interface FileView {
  file: Item;
  version: FileVersion;
  path: PathEntry[];
}

/** What the account stores, in bytes, against its limit. */
export interface Usage {
  limitBytes: number;
  usedBytes: number;
  availableBytes: number;
  /** The current versions of live files. */
  liveBytes: number;
  /** Older versions of live files. */
  versionBytes: number;
  trashBytes: number;
  /** Space held for uploads in progress. */
  reservedBytes: number;
  /** An administrator set this account's limit. */
  customLimit: boolean;
}

export const SEARCH_TYPES = [
  "folder",
  "file",
  "image",
  "video",
  "audio",
  "text",
  "document",
] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

export interface DownloadUrl {
  url: string;
  expiresAt: string;
}

function query(params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") {
      search.set(name, String(value));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

const id = encodeURIComponent;

/** The path of the API's resource for the item: `/api/folders/{id}` or `/api/files/{id}`. */
function itemPath(kind: ItemKind, itemId: string): string {
  return `/api/${kind === "folder" ? "folders" : "files"}/${id(itemId)}`;
}

export function getRootFolder(signal?: AbortSignal): Promise<FolderView> {
  return apiFetch<FolderView>("/api/folders/root", { auth: true, signal });
}

export function getFolder(folderId: string, signal?: AbortSignal): Promise<FolderView> {
  return apiFetch<FolderView>(`/api/folders/${id(folderId)}`, { auth: true, signal });
}

export interface ChildrenQuery {
  sort: SortKey;
  order: SortOrder;
  limit?: number;
  cursor?: string | null;
}

export function listChildren(
  folderId: string,
  { sort, order, limit = 100, cursor }: ChildrenQuery,
  signal?: AbortSignal,
): Promise<Page<Item>> {
  return apiFetch<Page<Item>>(
    `/api/folders/${id(folderId)}/children${query({ sort, order, limit, cursor })}`,
    { auth: true, signal },
  );
}

export function createFolder(input: {
  parentId?: string;
  name: string;
  onConflict?: OnConflict;
}): Promise<Item> {
  return apiFetch<Item>("/api/folders", { method: "POST", auth: true, json: input });
}

export interface ItemChanges {
  name?: string;
  parentId?: string;
  onConflict?: OnConflict;
}

/** Renames and/or moves a folder or a file. */
export function updateItem(kind: ItemKind, itemId: string, changes: ItemChanges): Promise<Item> {
  return apiFetch<Item>(itemPath(kind, itemId), { method: "PATCH", auth: true, json: changes });
}

/** Moves a folder (with everything in it) or a file to the trash. */
export function trashItem(kind: ItemKind, itemId: string): Promise<void> {
  return apiFetch<void>(itemPath(kind, itemId), { method: "DELETE", auth: true });
}

export function getFile(fileId: string, signal?: AbortSignal): Promise<FileView> {
  return apiFetch<FileView>(`/api/files/${id(fileId)}`, { auth: true, signal });
}

/** The stored versions of a file, newest first. */
export function listVersions(fileId: string, signal?: AbortSignal): Promise<FileVersion[]> {
  return apiFetch<FileVersion[]>(`/api/files/${id(fileId)}/versions`, { auth: true, signal });
}

/** Makes an old version current again, as a new version; answers that new version. */
export function restoreVersion(fileId: string, versionId: string): Promise<FileVersion> {
  return apiFetch<FileVersion>(`/api/files/${id(fileId)}/versions/${id(versionId)}/restore`, {
    method: "POST",
    auth: true,
  });
}

/** Deletes an old version for good. */
export function deleteVersion(fileId: string, versionId: string): Promise<void> {
  return apiFetch<void>(`/api/files/${id(fileId)}/versions/${id(versionId)}`, {
    method: "DELETE",
    auth: true,
  });
}

export function copyFile(fileId: string, target: ItemChanges): Promise<Item> {
  return apiFetch<Item>(`/api/files/${id(fileId)}/copy`, {
    method: "POST",
    auth: true,
    json: target,
  });
}

/** A short-lived signed URL to the bytes of the current version, or of `versionId`. */
export function getDownloadUrl(fileId: string, versionId?: string): Promise<DownloadUrl> {
  return apiFetch<DownloadUrl>(
    `/api/files/${id(fileId)}/download-url${query({ inline: false, versionId })}`,
    { auth: true },
  );
}

/** The trashed items, each standing for everything that was deleted along with it. */
export function listTrash(
  cursor: string | null,
  limit: number,
  signal?: AbortSignal,
): Promise<Page<Item>> {
  return apiFetch<Page<Item>>(`/api/trash${query({ limit, cursor })}`, {
    auth: true,
    signal,
  });
}

/** Puts an item back where it was (or in the root folder); its name may change on a clash. */
export function restoreFromTrash(itemId: string): Promise<Item> {
  return apiFetch<Item>(`/api/trash/${id(itemId)}/restore`, { method: "POST", auth: true });
}

/** Deletes a trashed item, and everything that went to the trash with it, for good. */
export function purgeFromTrash(itemId: string): Promise<void> {
  return apiFetch<void>(`/api/trash/${id(itemId)}`, { method: "DELETE", auth: true });
}

export function emptyTrash(): Promise<{ purged: number }> {
  return apiFetch<{ purged: number }>("/api/trash", { method: "DELETE", auth: true });
}

export function getUsage(signal?: AbortSignal): Promise<Usage> {
  return apiFetch<Usage>("/api/me/usage", { auth: true, signal });
}

export function searchItems(
  q: string,
  type: SearchType | null,
  cursor: string | null,
  limit: number,
  signal?: AbortSignal,
): Promise<Page<Item>> {
  return apiFetch<Page<Item>>(`/api/search${query({ q, type, limit, cursor })}`, {
    auth: true,
    signal,
  });
}
