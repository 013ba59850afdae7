"use client";

import type { FormHTMLAttributes, ReactNode } from "react";
import { FormAlert } from "./FormAlert";
import styles from "./forms.module.css";
import { SubmitContext, useFormSubmit, type Submit } from "./useSubmit";

interface FormProps extends Omit<FormHTMLAttributes<HTMLFormElement>, "className" | "noValidate"> {
  form: Submit;
}

/**
 * A form whose values are checked before they go to the API (the browser's own checks are off).
 * The `Field`s and the `SubmitButton` inside take their labels, errors and busy state from `form`.
 */
export function Form({ form, children, ...attributes }: FormProps) {
  return (
    <SubmitContext value={form}>
      <form className={styles.form} noValidate {...attributes}>
        {children}
      </form>
    </SubmitContext>
  );
}

/** The error summary of a form whose last submit failed; nothing otherwise. */
export function SubmitAlert({ form }: { form: Submit }) {
  return form.error && <FormAlert error={form.error} formId={form.id} labels={form.labels} />;
}

interface SubmitButtonProps {
  /** What the button says while the request runs; it is disabled then. */
  busyLabel: string;
  variant?: "button" | "danger";
  children: ReactNode;
}

/** The submit button of a `Form`: disabled, and saying `busyLabel`, while the form is busy. */
export function SubmitButton({ busyLabel, variant = "button", children }: SubmitButtonProps) {
  const { busy } = useFormSubmit();
  return (
    <button type="submit" className={styles[variant]} disabled={busy}>
      {busy ? busyLabel : children}
    </button>
  );
}
