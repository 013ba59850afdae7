"use client";

import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useEffect, useState, type FormEvent } from "react";
import { Field } from "@/ui/Field";
import { FormAlert } from "@/ui/FormAlert";
import { formValues, missingFields, toFormError, type FormError } from "@/ui/formError";
import styles from "@/ui/forms.module.css";
import { useAuth } from "./AuthProvider";
import { safeNext } from "./navigation";

const FORM = "login";
const LABELS = { login: "Email address or username", password: "Password" };

/** Sign in with email or username; afterwards go to `next` (a local path) or the account page. */
export function LoginForm() {
  const { state, login } = useAuth();
  const router = useRouter();
  const next = safeNext(useSearchParams().get("next"));
  const [error, setError] = useState<FormError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (state.status === "signed-in") {
      router.replace(next);
    }
  }, [state.status, next, router]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = formValues(event.currentTarget);
    values.login = values.login?.trim() ?? "";
    const missing = missingFields(values, LABELS);
    if (missing) {
      setError(missing);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await login(values.login, values.password);
    } catch (failure) {
      setError(toFormError(failure));
      setBusy(false);
    }
  }

  return (
    <section className={`${styles.card} ${styles.narrow}`} aria-labelledby="login-title">
      <h1 id="login-title" className={styles.title}>
        Sign in
      </h1>
      <p className={styles.intro}>Welcome back to Depot.</p>
      {error && <FormAlert error={error} formId={FORM} labels={LABELS} />}
      <form className={styles.form} onSubmit={submit} noValidate aria-labelledby="login-title">
        <Field
          formId={FORM}
          name="login"
          label={LABELS.login}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          error={error?.fieldMessages.login}
        />
        <Field
          formId={FORM}
          name="password"
          type="password"
          label={LABELS.password}
          autoComplete="current-password"
          required
          error={error?.fieldMessages.password}
        />
        <div className={styles.actions}>
          <button type="submit" className={styles.button} disabled={busy}>
            {busy ? "Signing in…" : "Sign in"}
          </button>
        </div>
      </form>
      <p className={styles.links}>
        <Link href="/forgot-password">Forgot your password?</Link>
        <span>
          New to Depot? <Link href="/signup">Create an account</Link>
        </span>
      </p>
    </section>
  );
}
