"use client";

import { createContext, use, useState } from "react";
import { missingFields, toFormError, type FormError } from "./formError";

export interface RunOptions {
  /** The page is left once the action succeeds: the form stays busy until it is gone. */
  leaving?: boolean;
  /** Sees a failure before it becomes the form's error. */
  onFailure?: (failure: unknown) => void;
}

/** A form's submit state: what `useSubmit` returns, and what `Form` hands to its fields. */
export interface Submit {
  /** The form's id: the ids of its inputs start with it. */
  id: string;
  /** Labels of the form's fields, by the names the API uses for them. */
  labels: Record<string, string>;
  /** Why the last submit failed, or null. */
  error: FormError | null;
  /** Whether a request is under way. */
  busy: boolean;
  setError(error: FormError | null): void;
  /**
   * Checks what was entered before asking the API: every labelled field first, then `checks`.
   * Shows the first problem found; true when there was one.
   */
  invalid(values: Record<string, string>, ...checks: (FormError | null)[]): boolean;
  /**
   * Runs the API call (and what follows it) with the form busy and its error cleared. A failure
   * becomes the form's error, its problem code marking a field by the hook's `codeFields`.
   */
  run(action: () => Promise<unknown>, options?: RunOptions): Promise<void>;
}

/** The submit state of the nearest `Form`, for the fields and buttons inside it. */
export const SubmitContext = createContext<Submit | null>(null);

/** The submit state of the `Form` around a field or button. */
export function useFormSubmit(): Submit {
  const form = use(SubmitContext);
  if (!form) {
    throw new Error("Fields and submit buttons belong inside a Form.");
  }
  return form;
}

/**
 * The state of a form that sends its values to the API: busy while the request runs, and the
 * error of the last attempt for the alert and the fields. `codeFields` says which field a problem
 * code is about (`EMAIL_TAKEN` → `email`).
 */
export function useSubmit(
  id: string,
  labels: Record<string, string>,
  codeFields: Record<string, string> = {},
): Submit {
  const [error, setError] = useState<FormError | null>(null);
  const [busy, setBusy] = useState(false);

  function invalid(values: Record<string, string>, ...checks: (FormError | null)[]): boolean {
    const problem = [missingFields(values, labels), ...checks].find(Boolean);
    if (problem) {
      setError(problem);
      return true;
    }
    return false;
  }

  async function run(
    action: () => Promise<unknown>,
    { leaving = false, onFailure }: RunOptions = {},
  ) {
    setBusy(true);
    setError(null);
    try {
      await action();
      if (!leaving) {
        setBusy(false);
      }
    } catch (failure) {
      onFailure?.(failure);
      setError(toFormError(failure, codeFields));
      setBusy(false);
    }
  }

  return { id, labels, error, busy, setError, invalid, run };
}
