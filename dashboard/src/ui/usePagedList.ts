"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { toFormError, type FormError } from "./formError";

/** One page of a keyset-paginated list, as every Depot list endpoint answers. */
export interface ListPage<T> {
  items: T[];
  nextCursor: string | null;
}

/** Loads the page after `cursor` (the first page for null), of at most `limit` items. */
export type LoadPage<T> = (
  cursor: string | null,
  limit: number,
  signal?: AbortSignal,
) => Promise<ListPage<T>>;

type State<T> =
  | { key: string; status: "loading" }
  | { key: string; status: "failed"; error: unknown }
  | { key: string; status: "loaded"; items: T[]; nextCursor: string | null };

export type PagedList<T> = (
  | { status: "loading" }
  | { status: "failed"; error: unknown }
  | { status: "loaded"; items: T[]; nextCursor: string | null }
) & {
  /** Whether the next page is being loaded. */
  loadingMore: boolean;
  /** Why the last "Load more" failed. */
  moreError: FormError | null;
  loadMore(): Promise<void>;
  /**
   * Loads the list again from the start, as many items as it shows now (up to `maxLimit`), so
   * that a change shows in its place without losing what "Load more" added. Keeps the items
   * shown until the answer is there.
   */
  reload(): Promise<void>;
  /** Loads the first page again after a failure. */
  retry(): void;
  /** Changes the loaded items in place, e.g. drops one that was deleted. */
  update(change: (items: T[]) => T[]): void;
};

interface Options {
  pageSize: number;
  /** The largest `limit` the endpoint accepts. */
  maxLimit: number;
}

/**
 * A list loaded page by page with "Load more". `key` names what is listed (a folder and its
 * order, a search): when it changes, the list starts again from the first page.
 */
export function usePagedList<T>(
  key: string,
  load: LoadPage<T>,
  { pageSize, maxLimit }: Options,
): PagedList<T> {
  const [attempt, setAttempt] = useState(0);
  const current = `${key}#${attempt}`;
  const [state, setState] = useState<State<T>>({ key: current, status: "loading" });
  const [more, setMore] = useState<{ key: string; busy: boolean; error: FormError | null }>({
    key: current,
    busy: false,
    error: null,
  });
  const latest = useRef({ load, key: current });

  useEffect(() => {
    latest.current = { load, key: current };
  });

  useEffect(() => {
    const controller = new AbortController();
    latest.current.load(null, pageSize, controller.signal).then(
      (page) => {
        if (!controller.signal.aborted) {
          setState({ key: current, status: "loaded", ...page });
        }
      },
      (error: unknown) => {
        if (!controller.signal.aborted) {
          setState({ key: current, status: "failed", error });
        }
      },
    );
    return () => controller.abort();
  }, [current, pageSize]);

  const loaded = state.key === current && state.status === "loaded" ? state : null;
  const shown = loaded?.items.length ?? 0;
  const cursor = loaded?.nextCursor ?? null;

  const loadMore = useCallback(async () => {
    if (!cursor) {
      return;
    }
    const startedFor = latest.current.key;
    setMore({ key: startedFor, busy: true, error: null });
    try {
      const page = await latest.current.load(cursor, pageSize);
      setState((s) =>
        s.key === startedFor && s.status === "loaded" && s.nextCursor === cursor
          ? { ...s, items: [...s.items, ...page.items], nextCursor: page.nextCursor }
          : s,
      );
      setMore((m) => (m.key === startedFor ? { ...m, busy: false } : m));
    } catch (error) {
      setMore((m) => (m.key === startedFor ? { ...m, busy: false, error: toFormError(error) } : m));
    }
  }, [cursor, pageSize]);

  const reload = useCallback(async () => {
    const startedFor = latest.current.key;
    const limit = Math.min(maxLimit, Math.max(pageSize, shown));
    try {
      const page = await latest.current.load(null, limit);
      if (latest.current.key === startedFor) {
        setState({ key: startedFor, status: "loaded", ...page });
        setMore({ key: startedFor, busy: false, error: null });
      }
    } catch (error) {
      if (latest.current.key === startedFor) {
        setState({ key: startedFor, status: "failed", error });
      }
    }
  }, [maxLimit, pageSize, shown]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  const update = useCallback((change: (items: T[]) => T[]) => {
    setState((s) => (s.status === "loaded" ? { ...s, items: change(s.items) } : s));
  }, []);

  const moreNow = more.key === current ? more : null;
  const actions = {
    loadingMore: moreNow?.busy ?? false,
    moreError: moreNow?.error ?? null,
    loadMore,
    reload,
    retry,
    update,
  };
  if (state.key !== current || state.status === "loading") {
    return { status: "loading", ...actions };
  }
  if (state.status === "failed") {
    return { status: "failed", error: state.error, ...actions };
  }
  return { status: "loaded", items: state.items, nextCursor: state.nextCursor, ...actions };
}
