import { queryOptions } from "@tanstack/react-query";
import type { components } from "@/api/generated/metadata-service";
import { api, read } from "@/lib/client";
import { readEventObject } from "@/lib/events";
import { pagedQuery } from "@/lib/paging";

type Schemas = components["schemas"];

/**
 * A folder or a file. `size`, `mimeType`, `versionId` and `status` (its processing after its
 * upload: `processing`, `ready`, or `failed` when no preview could be made) concern files only.
 */
export type Item = Schemas["ItemResponse"];
/** One step of a breadcrumb trail. The root folder is named "/". */
export type PathEntry = Schemas["PathEntry"];
/** A folder with its ancestors, from the root folder down to its parent. */
export type FolderView = Schemas["FolderResponse"];
export type FileVersion = Schemas["VersionResponse"];
/** A file, its current version and the folders from the root down to its parent. */
export type FileView = Schemas["FileResponse"];
/** What the account stores, in bytes, against its limit. */
export type Usage = Schemas["UsageResponse"];
/** What to do when the name is taken: answer 409 `NAME_CONFLICT`, or add " (n)" to the name. */
export type OnConflict = Exclude<Schemas["UpdateRequest"]["onConflict"], "newVersion">;

export type FileStatus = "processing" | "ready" | "failed";

/** What a live `file` event says: the file's current version settled (ready or failed). */
export interface FileChange {
  id: string;
  versionId: string;
  status: FileStatus;
  mimeType: string | null;
}

const FILE_STATUSES: readonly string[] = ["processing", "ready", "failed"];

/** The change `value` describes (a `file` event's data, or a file as read); null if none. */
function asFileChange(change: Record<string, unknown> | null): FileChange | null {
  return change &&
    typeof change.id === "string" &&
    typeof change.versionId === "string" &&
    typeof change.status === "string" &&
    FILE_STATUSES.includes(change.status) &&
    (typeof change.mimeType === "string" || change.mimeType === null)
    ? {
        id: change.id,
        versionId: change.versionId,
        status: change.status as FileStatus,
        mimeType: change.mimeType,
      }
    : null;
}

/** The change a `file` event's data describes; null when it is not one. */
export function readFileChange(data: string): FileChange | null {
  return asFileChange(readEventObject(data));
}

/** The state of `file`'s current version, as a change to apply to the file where it shows. */
export function fileStateOf(file: Item): FileChange | null {
  return asFileChange(file);
}

/** `item` with `change` applied when it is about the version `item` shows; else `item`. */
export function applyFileChange<T extends Item>(item: T, change: FileChange): T {
  return item.id === change.id &&
    item.versionId === change.versionId &&
    (item.status !== change.status || item.mimeType !== change.mimeType)
    ? { ...item, status: change.status, mimeType: change.mimeType }
    : item;
}

export type SortKey = "name" | "size" | "modified";
export type SortOrder = "asc" | "desc";

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

const PAGE_SIZE = 100;

/** The folder `folderId`, or the root folder for null. */
export function getFolder(folderId: string | null, signal?: AbortSignal): Promise<FolderView> {
  return folderId
    ? read(api.GET("/api/folders/{id}", { params: { path: { id: folderId } }, signal }))
    : read(api.GET("/api/folders/root", { signal }));
}

export function folderQuery(folderId: string | null) {
  return queryOptions({
    queryKey: ["folder", folderId],
    queryFn: ({ signal }) => getFolder(folderId, signal),
  });
}

export interface ChildrenQuery {
  sort: SortKey;
  order: SortOrder;
  limit: number;
  cursor: string | null;
}

/** A page of a folder's contents: folders first, then files, each in `sort` order. */
export function listChildren(
  folderId: string,
  { sort, order, limit, cursor }: ChildrenQuery,
  signal?: AbortSignal,
) {
  return read(
    api.GET("/api/folders/{id}/children", {
      params: {
        path: { id: folderId },
        query: { sort, order, limit, cursor: cursor ?? undefined },
      },
      signal,
    }),
  );
}

export function childrenQuery(folderId: string, sort: SortKey, order: SortOrder) {
  return pagedQuery(["children", folderId, sort, order], (cursor, signal) =>
    listChildren(folderId, { sort, order, limit: PAGE_SIZE, cursor }, signal),
  );
}

export function createFolder(body: Schemas["CreateFolderRequest"]): Promise<Item> {
  return read(api.POST("/api/folders", { body }));
}

export type ItemChanges = Schemas["UpdateRequest"];

/** Renames and/or moves a folder or a file. */
export function updateItem(item: Pick<Item, "id" | "kind">, changes: ItemChanges): Promise<Item> {
  const params = { path: { id: item.id } };
  return item.kind === "folder"
    ? read(api.PATCH("/api/folders/{id}", { params, body: changes }))
    : read(api.PATCH("/api/files/{id}", { params, body: changes }));
}

/** Moves a folder (with everything in it) or a file to the trash. */
export async function trashItem(item: Pick<Item, "id" | "kind">): Promise<void> {
  const params = { path: { id: item.id } };
  await (item.kind === "folder"
    ? api.DELETE("/api/folders/{id}", { params })
    : api.DELETE("/api/files/{id}", { params }));
}

export function getFile(fileId: string, signal?: AbortSignal): Promise<FileView> {
  return read(api.GET("/api/files/{id}", { params: { path: { id: fileId } }, signal }));
}

export function fileQuery(fileId: string) {
  return queryOptions({
    queryKey: ["file", fileId],
    queryFn: ({ signal }) => getFile(fileId, signal),
  });
}

/** The stored versions of a file, newest first; asked again when its current version changes. */
export function versionsQuery(file: Pick<Item, "id" | "versionId">) {
  return queryOptions({
    queryKey: ["versions", file.id, file.versionId],
    queryFn: ({ signal }) =>
      read(api.GET("/api/files/{id}/versions", { params: { path: { id: file.id } }, signal })),
  });
}

/** Makes an old version current again, as a new version; answers that new version. */
export function restoreVersion(fileId: string, versionId: string): Promise<FileVersion> {
  return read(
    api.POST("/api/files/{id}/versions/{versionId}/restore", {
      params: { path: { id: fileId, versionId } },
    }),
  );
}

/** Deletes an old version for good. */
export async function deleteVersion(fileId: string, versionId: string): Promise<void> {
  await api.DELETE("/api/files/{id}/versions/{versionId}", {
    params: { path: { id: fileId, versionId } },
  });
}

export function copyFile(fileId: string, target: Schemas["CopyRequest"]): Promise<Item> {
  return read(api.POST("/api/files/{id}/copy", { params: { path: { id: fileId } }, body: target }));
}

/** A short-lived signed URL to the bytes of the current version, or of `versionId`. */
export function getDownloadUrl(fileId: string, versionId?: string) {
  return read(
    api.GET("/api/files/{id}/download-url", {
      params: { path: { id: fileId }, query: { inline: false, versionId } },
    }),
  );
}

/** The trashed items, each standing for everything that was deleted along with it. */
export function trashQuery() {
  return pagedQuery(["trash"], (cursor, signal) =>
    read(
      api.GET("/api/trash", {
        params: { query: { limit: PAGE_SIZE, cursor: cursor ?? undefined } },
        signal,
      }),
    ),
  );
}

/** Puts an item back where it was (or in the root folder); its name may change on a clash. */
export function restoreFromTrash(itemId: string): Promise<Item> {
  return read(api.POST("/api/trash/{id}/restore", { params: { path: { id: itemId } } }));
}

/** Deletes a trashed item, and everything that went to the trash with it, for good. */
export async function purgeFromTrash(itemId: string): Promise<void> {
  await api.DELETE("/api/trash/{id}", { params: { path: { id: itemId } } });
}

/** Empties the trash; answers how many trashed items were deleted. */
export function emptyTrash() {
  return read(api.DELETE("/api/trash"));
}

export function usageQuery() {
  return queryOptions({
    queryKey: ["usage"],
    queryFn: ({ signal }) => read(api.GET("/api/me/usage", { signal })),
  });
}

const SEARCH_PAGE_SIZE = 50;

/** Folders and files by name, best matches first; only those of `type`, when it is given. */
export function searchQuery(q: string, type: SearchType | null) {
  return pagedQuery(["search", q, type], (cursor, signal) =>
    read(
      api.GET("/api/search", {
        params: {
          query: {
            q,
            type: type ?? undefined,
            limit: SEARCH_PAGE_SIZE,
            cursor: cursor ?? undefined,
          },
        },
        signal,
      }),
    ),
  );
}
