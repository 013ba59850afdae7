import type { Item, SearchType, SortKey, SortOrder } from "./api";

/** What the root folder (named "/" by the API) is called on the pages. */
export const ROOT_NAME = "My files";

export interface Sort {
  key: SortKey;
  order: SortOrder;
}

export const DEFAULT_SORT: Sort = { key: "name", order: "asc" };

const SORT_KEYS: readonly SortKey[] = ["name", "size", "modified"];

/** The order of a folder listing, from the page's `sort` and `order` query parameters. */
export function readSort(params: URLSearchParams): Sort {
  const key = params.get("sort");
  const order = params.get("order");
  return {
    key: SORT_KEYS.includes(key as SortKey) ? (key as SortKey) : DEFAULT_SORT.key,
    order: order === "desc" ? "desc" : order === "asc" ? "asc" : DEFAULT_SORT.order,
  };
}

/** The query string that keeps `sort` in a folder's address ("" for the default order). */
export function sortQuery(sort?: Sort): string {
  if (!sort || (sort.key === DEFAULT_SORT.key && sort.order === DEFAULT_SORT.order)) {
    return "";
  }
  return `?${new URLSearchParams({ sort: sort.key, order: sort.order })}`;
}

/** The page of a folder (the root folder for null), listed in `sort` order. */
export function folderHref(folderId: string | null, sort?: Sort): string {
  const base = folderId ? `/files/folder/${encodeURIComponent(folderId)}` : "/files";
  return `${base}${sortQuery(sort)}`;
}

export function fileHref(fileId: string): string {
  return `/files/file/${encodeURIComponent(fileId)}`;
}

/** The page of a folder or file. */
export function itemHref(item: Pick<Item, "id" | "kind">, sort?: Sort): string {
  return item.kind === "folder" ? folderHref(item.id, sort) : fileHref(item.id);
}

export const TRASH_HREF = "/files/trash";
export const ACTIVITY_HREF = "/files/activity";
export const SEARCH_PATH = "/files/search";

export function searchHref(q: string, type: SearchType | null): string {
  const params = new URLSearchParams({ q });
  if (type) {
    params.set("type", type);
  }
  return `${SEARCH_PATH}?${params}`;
}
