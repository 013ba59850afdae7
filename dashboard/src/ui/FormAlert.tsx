"use client";

import { useEffect, useRef } from "react";
import { fieldId } from "./Field";
import { formatWait, type FormError } from "./formError";
import styles from "./forms.module.css";

interface FormAlertProps {
  error: FormError;
  formId: string;
  /** Labels of the form's fields, by the names the API uses for them. */
  labels?: Record<string, string>;
  /** Move the focus to the alert when it appears (after a submit); off for errors while loading. */
  takeFocus?: boolean;
}

/**
 * The error summary above a form: announced as an alert and focused when it appears, with the
 * problem's detail, how long to wait after a 429, and every field error linked to its field.
 */
export function FormAlert({ error, formId, labels = {}, takeFocus = true }: FormAlertProps) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (takeFocus) {
      ref.current?.focus();
    }
  }, [error, takeFocus]);

  function focusField(event: React.MouseEvent<HTMLAnchorElement>, name: string) {
    const input = document.getElementById(fieldId(formId, name));
    if (input) {
      event.preventDefault();
      input.focus();
    }
  }

  return (
    <div ref={ref} role="alert" tabIndex={-1} className={styles.alert}>
      <p className={styles.alertTitle}>{error.message}</p>
      {error.retryAfter !== undefined && (
        <p className={styles.alertText}>Try again in {formatWait(error.retryAfter)}.</p>
      )}
      {error.listed.length > 0 && (
        <ul className={styles.alertList}>
          {error.listed.map(({ field, message }) => (
            <li key={`${field}:${message}`}>
              {labels[field] ? (
                <a href={`#${fieldId(formId, field)}`} onClick={(e) => focusField(e, field)}>
                  {labels[field]}: {message}
                </a>
              ) : (
                message
              )}
            </li>
          ))}
        </ul>
      )}
      {error.traceId && (
        <p className={styles.trace}>
          Trace id: <code>{error.traceId}</code>
        </p>
      )}
    </div>
  );
}
