"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useState, type FormEvent } from "react";
import { ApiError } from "@/lib/client";
import { NEW_PASSWORD_LABELS, NewPasswordFields, unequalPasswords } from "@/ui/AccountFields";
import { Form, SubmitAlert, SubmitButton } from "@/ui/Form";
import { StatusMessage } from "@/ui/StatusMessage";
import { formValues } from "@/ui/formError";
import styles from "@/ui/forms.module.css";
import { useSubmit } from "@/ui/useSubmit";
import { resetPassword } from "./api";
import { useAuth } from "./AuthProvider";

const FORM = "reset";

/** Sets a new password with the token from the reset email (`/reset-password?token=…`). */
export function ResetPasswordForm() {
  const token = useSearchParams().get("token");
  const { state, forgetSession } = useAuth();
  const form = useSubmit(FORM, NEW_PASSWORD_LABELS, { WEAK_PASSWORD: "newPassword" });
  const [tokenRefused, setTokenRefused] = useState(false);
  const [done, setDone] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = formValues(event.currentTarget);
    if (form.invalid(values, unequalPasswords(values, "The two passwords are not the same."))) {
      return;
    }
    await form.run(
      async () => {
        await resetPassword(token ?? "", values.newPassword);
        setDone(true);
        if (state.status === "signed-in") {
          // The server signed out every session, this one included.
          forgetSession();
        }
      },
      {
        onFailure: (failure) =>
          setTokenRefused(failure instanceof ApiError && failure.problem.code === "TOKEN_INVALID"),
      },
    );
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
          <SubmitAlert form={form} />
          {tokenRefused && (
            <p className={styles.links}>
              <Link href="/forgot-password">Ask for a new reset link</Link>
            </p>
          )}
          <Form form={form} onSubmit={submit} aria-labelledby="reset-title">
            <NewPasswordFields />
            <div className={styles.actions}>
              <SubmitButton busyLabel="Saving…">Set the new password</SubmitButton>
            </div>
          </Form>
        </>
      )}
    </section>
  );
}
