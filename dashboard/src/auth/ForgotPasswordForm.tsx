"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import { Field } from "@/ui/Field";
import { FormAlert } from "@/ui/FormAlert";
import { StatusMessage } from "@/ui/StatusMessage";
import { formValues, missingFields, toFormError, type FormError } from "@/ui/formError";
import styles from "@/ui/forms.module.css";
import { forgotPassword } from "./api";

const FORM = "forgot";
const LABELS = { email: "Email address" };

/** Asks for a password reset link. The answer is the same whether or not the address is known. */
export function ForgotPasswordForm() {
  const [error, setError] = useState<FormError | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = formValues(event.currentTarget).email?.trim() ?? "";
    const missing = missingFields({ email }, LABELS);
    if (missing) {
      setError(missing);
      return;
    }
    setBusy(true);
    setError(null);
    setSentTo(null);
    try {
      await forgotPassword(email);
      setSentTo(email);
    } catch (failure) {
      setError(toFormError(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className={`${styles.card} ${styles.narrow}`} aria-labelledby="forgot-title">
      <h1 id="forgot-title" className={styles.title}>
        Forgot your password?
      </h1>
      <p className={styles.intro}>
        Enter the email address of your account and we will send you a link to choose a new
        password.
      </p>
      <StatusMessage>
        {sentTo && (
          <>
            <p>If an account uses {sentTo}, we sent it a link to choose a new password.</p>
            <p>The link works once, within 30 minutes.</p>
          </>
        )}
      </StatusMessage>
      {error && <FormAlert error={error} formId={FORM} labels={LABELS} />}
      <form className={styles.form} onSubmit={submit} noValidate aria-labelledby="forgot-title">
        <Field
          formId={FORM}
          name="email"
          type="email"
          label={LABELS.email}
          autoComplete="email"
          required
          error={error?.fieldMessages.email}
        />
        <div className={styles.actions}>
          <button type="submit" className={styles.button} disabled={busy}>
            {busy ? "Sending…" : "Send the link"}
          </button>
        </div>
      </form>
      <p className={styles.links}>
        <Link href="/login">Back to sign in</Link>
      </p>
    </section>
  );
}
