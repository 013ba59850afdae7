"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { UsernameField } from "@/ui/AccountFields";
import { Field } from "@/ui/Field";
import { Form, SubmitAlert, SubmitButton } from "@/ui/Form";
import { formValues } from "@/ui/formError";
import styles from "@/ui/forms.module.css";
import { useSubmit } from "@/ui/useSubmit";
import { useAuth } from "./AuthProvider";
import { PASSWORD_HINT } from "./rules";

const FORM = "signup";
const LABELS = { email: "Email address", username: "Username", password: "Password" };
const CODE_FIELDS = { EMAIL_TAKEN: "email", USERNAME_TAKEN: "username", WEAK_PASSWORD: "password" };

/** Creates an account, signs in with it and goes to the account page. */
export function SignupForm() {
  const { signup } = useAuth();
  const router = useRouter();
  const form = useSubmit(FORM, LABELS, CODE_FIELDS);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = formValues(event.currentTarget);
    const input = {
      email: values.email?.trim() ?? "",
      username: values.username?.trim() ?? "",
      password: values.password ?? "",
    };
    if (form.invalid(input)) {
      return;
    }
    await form.run(
      async () => {
        const { signedIn } = await signup(input);
        router.replace(signedIn ? "/account" : "/login");
      },
      { leaving: true },
    );
  }

  return (
    <section className={`${styles.card} ${styles.narrow}`} aria-labelledby="signup-title">
      <h1 id="signup-title" className={styles.title}>
        Create your account
      </h1>
      <p className={styles.intro}>
        We will send a link to your email address to confirm that it is yours.
      </p>
      <SubmitAlert form={form} />
      <Form form={form} onSubmit={submit} aria-labelledby="signup-title">
        <Field name="email" type="email" autoComplete="email" required />
        <UsernameField />
        <Field
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint={PASSWORD_HINT}
        />
        <div className={styles.actions}>
          <SubmitButton busyLabel="Creating account…">Create account</SubmitButton>
        </div>
      </Form>
      <p className={styles.links}>
        <span>
          Already have an account? <Link href="/login">Sign in</Link>
        </span>
      </p>
    </section>
  );
}
