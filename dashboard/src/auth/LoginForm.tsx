"use client";

import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useEffect, type FormEvent } from "react";
import { Field } from "@/ui/Field";
import { Form, SubmitAlert, SubmitButton } from "@/ui/Form";
import { formValues } from "@/ui/formError";
import styles from "@/ui/forms.module.css";
import { useSubmit } from "@/ui/useSubmit";
import { useAuth } from "./AuthProvider";
import { safeNext } from "./navigation";

const FORM = "login";
const LABELS = { login: "Email address or username", password: "Password" };

/** Sign in with email or username; afterwards go to `next` (a local path) or the account page. */
export function LoginForm() {
  const { state, login } = useAuth();
  const router = useRouter();
  const next = safeNext(useSearchParams().get("next"));
  const form = useSubmit(FORM, LABELS);

  useEffect(() => {
    if (state.status === "signed-in") {
      router.replace(next);
    }
  }, [state.status, next, router]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = formValues(event.currentTarget);
    values.login = values.login?.trim() ?? "";
    if (form.invalid(values)) {
      return;
    }
    await form.run(() => login(values.login, values.password), { leaving: true });
  }

  return (
    <section className={`${styles.card} ${styles.narrow}`} aria-labelledby="login-title">
      <h1 id="login-title" className={styles.title}>
        Sign in
      </h1>
      <p className={styles.intro}>Welcome back to Depot.</p>
      <SubmitAlert form={form} />
      <Form form={form} onSubmit={submit} aria-labelledby="login-title">
        <Field
          name="login"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
        />
        <Field name="password" type="password" autoComplete="current-password" required />
        <div className={styles.actions}>
          <SubmitButton busyLabel="Signing in…">Sign in</SubmitButton>
        </div>
      </Form>
      <p className={styles.links}>
        <Link href="/forgot-password">Forgot your password?</Link>
        <span>
          New to Depot? <Link href="/signup">Create an account</Link>
        </span>
      </p>
    </section>
  );
}
