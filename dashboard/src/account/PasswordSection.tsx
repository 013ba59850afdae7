"use client";

import { useState, type FormEvent } from "react";
import { changePassword } from "@/auth/api";
import { PASSWORD_HINT } from "@/auth/rules";
import { Field } from "@/ui/Field";
import { FormAlert } from "@/ui/FormAlert";
import { StatusMessage } from "@/ui/StatusMessage";
import { formValues, missingFields, toFormError, type FormError } from "@/ui/formError";
import formStyles from "@/ui/forms.module.css";
import styles from "./AccountPage.module.css";

const FORM = "password";
const LABELS = {
  currentPassword: "Current password",
  newPassword: "New password",
  confirmPassword: "Repeat the new password",
};
const CODE_FIELDS = { WRONG_PASSWORD: "currentPassword", WEAK_PASSWORD: "newPassword" };

/** Changes the password; the server signs out every other session. */
export function PasswordSection({ onChanged }: { onChanged: () => void }) {
  const [error, setError] = useState<FormError | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const values = formValues(form);
    const missing = missingFields(values, LABELS);
    setDone(false);
    if (missing) {
      setError(missing);
      return;
    }
    if (values.newPassword !== values.confirmPassword) {
      const message = "The two new passwords are not the same.";
      setError({
        message,
        fieldMessages: { confirmPassword: message },
        listed: [{ field: "confirmPassword", message }],
      });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await changePassword(values.currentPassword, values.newPassword);
      form.reset();
      setDone(true);
      onChanged();
    } catch (failure) {
      setError(toFormError(failure, CODE_FIELDS));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className={styles.section} aria-labelledby="password-heading">
      <h2 id="password-heading" className={styles.heading}>
        Password
      </h2>
      <p className={styles.text}>
        Changing your password signs out every other device; this one stays signed in.
      </p>
      <StatusMessage>
        {done && <p>Your password was changed. Every other session was signed out.</p>}
      </StatusMessage>
      {error && <FormAlert error={error} formId={FORM} labels={LABELS} />}
      <form
        className={formStyles.form}
        onSubmit={submit}
        noValidate
        aria-labelledby="password-heading"
      >
        <Field
          formId={FORM}
          name="currentPassword"
          type="password"
          label={LABELS.currentPassword}
          autoComplete="current-password"
          required
          error={error?.fieldMessages.currentPassword}
        />
        <Field
          formId={FORM}
          name="newPassword"
          type="password"
          label={LABELS.newPassword}
          autoComplete="new-password"
          required
          hint={PASSWORD_HINT}
          error={error?.fieldMessages.newPassword}
        />
        <Field
          formId={FORM}
          name="confirmPassword"
          type="password"
          label={LABELS.confirmPassword}
          autoComplete="new-password"
          required
          error={error?.fieldMessages.confirmPassword}
        />
        <div className={formStyles.actions}>
          <button type="submit" className={formStyles.button} disabled={busy}>
            {busy ? "Changing…" : "Change password"}
          </button>
        </div>
      </form>
    </section>
  );
}
