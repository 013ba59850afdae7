"use client";

import { useCallback, useEffect, useRef, useState } from "react";

type State<T> =
  | { key: string; status: "loading" }
  | { key: string; status: "failed"; error: unknown }
  | { key: string; status: "loaded"; data: T };

export type Resource<T> = (
  { status: "loading" } | { status: "failed"; error: unknown } | { status: "loaded"; data: T }
) & {
  /** Loads it again, keeping what is shown until the answer is there. */
  reload(): Promise<void>;
  /** Loads it again after a failure, showing the loading state meanwhile. */
  retry(): void;
  /** Replaces what was loaded with a newer copy (from the answer to a change). */
  set(change: (data: T) => T): void;
};

/** Something loaded from the API for `key`, loaded again whenever `key` changes. */
export function useResource<T>(
  key: string,
  load: (signal?: AbortSignal) => Promise<T>,
): Resource<T> {
  const [attempt, setAttempt] = useState(0);
  const current = `${key}#${attempt}`;
  const [state, setState] = useState<State<T>>({ key: current, status: "loading" });
  const latest = useRef({ load, key: current });

  useEffect(() => {
    latest.current = { load, key: current };
  });

  useEffect(() => {
    const controller = new AbortController();
    latest.current.load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) {
          setState({ key: current, status: "loaded", data });
        }
      },
      (error: unknown) => {
        if (!controller.signal.aborted) {
          setState({ key: current, status: "failed", error });
        }
      },
    );
    return () => controller.abort();
  }, [current]);

  const reload = useCallback(async () => {
    const startedFor = latest.current.key;
    try {
      const data = await latest.current.load();
      if (latest.current.key === startedFor) {
        setState({ key: startedFor, status: "loaded", data });
      }
    } catch (error) {
      if (latest.current.key === startedFor) {
        setState({ key: startedFor, status: "failed", error });
      }
    }
  }, []);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  const set = useCallback((change: (data: T) => T) => {
    setState((s) => (s.status === "loaded" ? { ...s, data: change(s.data) } : s));
  }, []);

  const actions = { reload, retry, set };
  if (state.key !== current || state.status === "loading") {
    return { status: "loading", ...actions };
  }
  if (state.status === "failed") {
    return { status: "failed", error: state.error, ...actions };
  }
  return { status: "loaded", data: state.data, ...actions };
}
