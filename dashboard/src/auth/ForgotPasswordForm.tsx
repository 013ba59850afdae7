"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import { Field } from "@/ui/Field";
import { Form, SubmitAlert, SubmitButton } from "@/ui/Form";
import { StatusMessage } from "@/ui/StatusMessage";
import { formValues } from "@/ui/formError";
import styles from "@/ui/forms.module.css";
import { useSubmit } from "@/ui/useSubmit";
import { forgotPassword } from "./api";

const FORM = "forgot";
const LABELS = { email: "Email address" };

/** Asks for a password reset link. The answer is the same whether or not the address is known. */
export function ForgotPasswordForm() {
  const form = useSubmit(FORM, LABELS);
  const [sentTo, setSentTo] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = formValues(event.currentTarget).email?.trim() ?? "";
    if (form.invalid({ email })) {
      return;
    }
    await form.run(async () => {
      setSentTo(null);
      await forgotPassword(email);
      setSentTo(email);
    });
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
      <SubmitAlert form={form} />
      <Form form={form} onSubmit={submit} aria-labelledby="forgot-title">
        <Field name="email" type="email" autoComplete="email" required />
        <div className={styles.actions}>
          <SubmitButton busyLabel="Sending…">Send the link</SubmitButton>
        </div>
      </Form>
      <p className={styles.links}>
        <Link href="/login">Back to sign in</Link>
      </p>
    </section>
  );
}
