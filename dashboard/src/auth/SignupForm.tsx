"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Field } from "@/ui/Field";
import { FormAlert } from "@/ui/FormAlert";
import { formValues, missingFields, toFormError, type FormError } from "@/ui/formError";
import styles from "@/ui/forms.module.css";
import { useAuth } from "./AuthProvider";
import { PASSWORD_HINT, USERNAME_HINT } from "./rules";

const FORM = "signup";
const LABELS = { email: "Email address", username: "Username", password: "Password" };
const CODE_FIELDS = { EMAIL_TAKEN: "email", USERNAME_TAKEN: "username", WEAK_PASSWORD: "password" };

/** Creates an account, signs in with it and goes to the account page. */
export function SignupForm() {
  const { signup } = useAuth();
  const router = useRouter();
  const [error, setError] = useState<FormError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = formValues(event.currentTarget);
    const input = {
      email: values.email?.trim() ?? "",
      username: values.username?.trim() ?? "",
      password: values.password ?? "",
    };
    const missing = missingFields(input, LABELS);
    if (missing) {
      setError(missing);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const { signedIn } = await signup(input);
      router.replace(signedIn ? "/account" : "/login");
    } catch (failure) {
      setError(toFormError(failure, CODE_FIELDS));
      setBusy(false);
    }
  }

  return (
    <section className={`${styles.card} ${styles.narrow}`} aria-labelledby="signup-title">
      <h1 id="signup-title" className={styles.title}>
        Create your account
      </h1>
      <p className={styles.intro}>
        We will send a link to your email address to confirm that it is yours.
      </p>
      {error && <FormAlert error={error} formId={FORM} labels={LABELS} />}
      <form className={styles.form} onSubmit={submit} noValidate aria-labelledby="signup-title">
        <Field
          formId={FORM}
          name="email"
          type="email"
          label={LABELS.email}
          autoComplete="email"
          required
          error={error?.fieldMessages.email}
        />
        <Field
          formId={FORM}
          name="username"
          label={LABELS.username}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          hint={USERNAME_HINT}
          error={error?.fieldMessages.username}
        />
        <Field
          formId={FORM}
          name="password"
          type="password"
          label={LABELS.password}
          autoComplete="new-password"
          required
          hint={PASSWORD_HINT}
          error={error?.fieldMessages.password}
        />
        <div className={styles.actions}>
          <button type="submit" className={styles.button} disabled={busy}>
            {busy ? "Creating account…" : "Create account"}
          </button>
        </div>
      </form>
      <p className={styles.links}>
        <span>
          Already have an account? <Link href="/login">Sign in</Link>
        </span>
      </p>
    </section>
  );
}
