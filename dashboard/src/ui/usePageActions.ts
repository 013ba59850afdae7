"use client";

import { useState, type ReactNode } from "react";
import { toFormError, type FormError } from "./formError";

/** What `usePageActions` returns. */
export interface PageActions {
  /** The task under way (an item's id, "download"…), or null. */
  busy: string | null;
  /** What the last action did, for a `StatusMessage`. */
  outcome: ReactNode;
  /** Why the last action failed. */
  error: FormError | null;
  /**
   * Runs `action` as `task`, with the last outcome and error cleared first; a failure becomes
   * `error`.
   */
  run(task: string, action: () => Promise<void>): Promise<void>;
  /** Shows what an action did, in place of the last error. */
  report(message: ReactNode): void;
  /** Clears the last outcome and error, e.g. as a dialog opens. */
  clear(): void;
}

/**
 * The state of the buttons a page offers beside its content (not a form's submit): which task is
 * under way, and what the last one did or why it failed.
 */
export function usePageActions(): PageActions {
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<ReactNode>(null);
  const [error, setError] = useState<FormError | null>(null);

  function clear() {
    setError(null);
    setOutcome(null);
  }

  async function run(task: string, action: () => Promise<void>) {
    setBusy(task);
    clear();
    try {
      await action();
    } catch (failure) {
      setError(toFormError(failure));
    } finally {
      setBusy(null);
    }
  }

  function report(message: ReactNode) {
    setError(null);
    setOutcome(message);
  }

  return { busy, outcome, error, run, report, clear };
}
