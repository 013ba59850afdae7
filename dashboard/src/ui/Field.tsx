import type { InputHTMLAttributes, ReactNode } from "react";
import styles from "./forms.module.css";

/** The id of a form's input: `FormAlert` links to it. */
export function fieldId(formId: string, name: string): string {
  return `${formId}-${name}`;
}

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name"> {
  formId: string;
  name: string;
  label: string;
  hint?: ReactNode;
  /** The field's error message; marks the input invalid and describes it. */
  error?: string;
}

/** A labelled input with an optional hint and error message, both tied to it for screen readers. */
export function Field({ formId, name, label, hint, error, className, ...input }: FieldProps) {
  const id = fieldId(formId, name);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [error && errorId, hint && hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`${styles.field} ${className ?? ""}`}>
      <label htmlFor={id} className={styles.label}>
        {label}
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
