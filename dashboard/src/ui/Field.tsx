"use client";

import type { InputHTMLAttributes, ReactNode } from "react";
import styles from "./forms.module.css";
import { useFormSubmit } from "./useSubmit";

/** The id of a form's input: `FormAlert` links to it. */
export function fieldId(formId: string, name: string): string {
  return `${formId}-${name}`;
}

export interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name"> {
  /** The name the API uses for the value; the `Form`'s labels and errors are found by it. */
  name: string;
  hint?: ReactNode;
}

/**
 * A labelled input of a `Form`, with an optional hint and the form's error message for it, both
 * tied to it for screen readers.
 */
export function Field({ name, hint, className, ...input }: FieldProps) {
  const form = useFormSubmit();
  const error = form.error?.fieldMessages[name];
  const id = fieldId(form.id, name);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [error && errorId, hint && hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`${styles.field} ${className ?? ""}`}>
      <label htmlFor={id} className={styles.label}>
        {form.labels[name]}
      </label>
      {error && (
        <p id={errorId} className={styles.fieldError}>
          {error}
        </p>
      )}
      <input
        id={id}
        name={name}
        className={styles.input}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...input}
      />
      {hint && (
        <p id={hintId} className={styles.hint}>
          {hint}
        </p>
      )}
    </div>
  );
}
