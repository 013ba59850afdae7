import {
  infiniteQueryOptions,
  type InfiniteData,
  type QueryClient,
  type QueryKey,
  type UseInfiniteQueryResult,
} from "@tanstack/react-query";

/**
 * One page of a keyset-paginated list, as every Depot list endpoint answers: pass `nextCursor`
 * back as `cursor` for the next page (null: the end).
 */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A list loaded page by page ("Load more"), as `useInfiniteQuery` holds it. */
export type PagedList<T> = UseInfiniteQueryResult<InfiniteData<Page<T>>>;

/**
 * The query of a list that `load` reads page by page: the first page for a null cursor, then
 * the page after each answer's `nextCursor`.
 */
export function pagedQuery<T, K extends QueryKey>(
  queryKey: K,
  load: (cursor: string | null, signal: AbortSignal) => Promise<Page<T>>,
) {
  return infiniteQueryOptions({
    queryKey,
    queryFn: ({ pageParam, signal }) => load(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page: Page<T>) => page.nextCursor,
  });
}

/** Every item of the pages loaded so far, in order. */
export function listedItems<T>(list: PagedList<T>): T[] {
  return list.data?.pages.flatMap((page) => page.items) ?? [];
}

/**
 * Changes the items of the cached list `queryKey` in place, page by page (drops one that was
 * deleted, shows another's new state), without asking the API again.
 */
export function changeListed<T>(
  queryClient: QueryClient,
  queryKey: QueryKey,
  change: (items: T[]) => T[],
): void {
  queryClient.setQueryData<InfiniteData<Page<T>>>(
    queryKey,
    (data) =>
      data && {
        ...data,
        pages: data.pages.map((page) => ({ ...page, items: change(page.items) })),
      },
  );
}
