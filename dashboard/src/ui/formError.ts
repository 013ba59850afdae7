import { ApiError, NetworkError } from "@/lib/client";

/** What a form shows after a request failed. */
export interface FormError {
  /** What went wrong: the problem's `detail`, or why no answer came. */
  message: string;
  /** Seconds to wait before another try is accepted (429 answers). */
  retryAfter?: number;
  traceId?: string;
  /** Message per form field, from the problem's `errors` or from a code that names a field. */
  fieldMessages: Record<string, string>;
  /** The field errors of a `VALIDATION_FAILED` problem, in the server's order. */
  listed: { field: string; message: string }[];
}

/**
 * Turns a failed request into what a form shows. `codeFields` says which field a problem code is
 * about (`EMAIL_TAKEN` → `email`), so that the field is marked even without an `errors` list.
 */
export function toFormError(error: unknown, codeFields: Record<string, string> = {}): FormError {
  if (error instanceof ApiError) {
    const { problem } = error;
    const fieldMessages: Record<string, string> = {};
    const listed = problem.errors ?? [];
    for (const { field, message } of listed) {
      fieldMessages[field] = fieldMessages[field] ? `${fieldMessages[field]} ${message}` : message;
    }
    const message = problem.detail || problem.title;
    const codeField = problem.code ? codeFields[problem.code] : undefined;
    if (codeField && !fieldMessages[codeField]) {
      fieldMessages[codeField] = message;
    }
    return {
      message,
      retryAfter: problem.status === 429 ? problem.retryAfter : undefined,
      traceId: problem.traceId,
      fieldMessages,
      listed,
    };
  }
  if (error instanceof NetworkError) {
    return {
      message: "The Depot API did not answer. Check your connection and try again.",
      fieldMessages: {},
      listed: [],
    };
  }
  return { message: "Something went wrong. Try again.", fieldMessages: {}, listed: [] };
}

/** "45 seconds", "15 minutes", "2 hours": a wait, rounded up to the unit that reads best. */
export function formatWait(seconds: number): string {
  const unit = (n: number, name: string) => `${n} ${name}${n === 1 ? "" : "s"}`;
  if (seconds < 60) {
    return unit(Math.max(1, Math.ceil(seconds)), "second");
  }
  if (seconds < 3600) {
    return unit(Math.ceil(seconds / 60), "minute");
  }
  return unit(Math.ceil(seconds / 3600), "hour");
}

/**
 * The error for a form submitted with required fields left empty, or null when every field in
 * `labels` has a value. Checked before asking the API, which would refuse the request anyway.
 */
export function missingFields(
  values: Record<string, string>,
  labels: Record<string, string>,
): FormError | null {
  const listed = Object.keys(labels)
    .filter((name) => !values[name])
    .map((name) => ({ field: name, message: `Enter ${labels[name].toLowerCase()}.` }));
  if (listed.length === 0) {
    return null;
  }
  return {
    message: listed.length === 1 ? "A field is empty." : "Some fields are empty.",
    fieldMessages: Object.fromEntries(listed.map(({ field, message }) => [field, message])),
    listed,
  };
}

/** The named text values of a submitted form. */
export function formValues(form: HTMLFormElement): Record<string, string> {
  const values: Record<string, string> = {};
  new FormData(form).forEach((value, name) => {
    if (typeof value === "string") {
      values[name] = value;
    }
  });
  return values;
}
