"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useState, type FormEvent } from "react";
import { ApiError } from "@/lib/client";
import { Field } from "@/ui/Field";
import { FormAlert } from "@/ui/FormAlert";
import { StatusMessage } from "@/ui/StatusMessage";
import { formValues, missingFields, toFormError, type FormError } from "@/ui/formError";
import styles from "@/ui/forms.module.css";
import { resetPassword } from "./api";
import { useAuth } from "./AuthProvider";
import { PASSWORD_HINT } from "./rules";

const FORM = "reset";
const LABELS = { newPassword: "New password", confirmPassword: "Repeat the new password" };

/** Sets a new password with the token from the reset email (`/reset-password?token=…`). */
export function ResetPasswordForm() {
  const token = useSearchParams().get("token");
  const { state, forgetSession } = useAuth();
  const [error, setError] = useState<FormError | null>(null);
  const [tokenRefused, setTokenRefused] = useState(false);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = formValues(event.currentTarget);
    const missing = missingFields(values, LABELS);
    if (missing) {
      setError(missing);
      return;
    }
    if (values.newPassword !== values.confirmPassword) {
      const message = "The two passwords are not the same.";
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
      await resetPassword(token ?? "", values.newPassword);
      setDone(true);
      if (state.status === "signed-in") {
        // The server signed out every session, this one included.
        forgetSession();
      }
    } catch (failure) {
      setTokenRefused(failure instanceof ApiError && failure.problem.code === "TOKEN_INVALID");
      setError(toFormError(failure, { WEAK_PASSWORD: "newPassword" }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className={`${styles.card} ${styles.narrow}`} aria-labelledby="reset-title">
      <h1 id="reset-title" className={styles.title}>
        Choose a new password
      </h1>
      <StatusMessage>
        {done && (
          <>
            <p>Your password was changed and every session was signed out.</p>
            <p>
              <Link href="/login">Sign in with the new password</Link>
            </p>
          </>
        )}
      </StatusMessage>
      {!token && (
        <div role="alert" className={styles.alert}>
          <p className={styles.alertTitle}>This page needs the link from the reset email.</p>
          <p className={styles.alertText}>
            <Link href="/forgot-password">Ask for a reset link</Link>
          </p>
        </div>
      )}
      {token && !done && (
        <>
          {error && <FormAlert error={error} formId={FORM} labels={LABELS} />}
          {tokenRefused && (
            <p className={styles.links}>
              <Link href="/forgot-password">Ask for a new reset link</Link>
            </p>
          )}
          <form className={styles.form} onSubmit={submit} noValidate aria-labelledby="reset-title">
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
            <div className={styles.actions}>
              <button type="submit" className={styles.button} disabled={busy}>
                {busy ? "Saving…" : "Set the new password"}
              </button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}
