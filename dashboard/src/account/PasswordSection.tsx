"use client";

import { useState, type FormEvent } from "react";
import { changePassword } from "@/auth/api";
import { NEW_PASSWORD_LABELS, NewPasswordFields, unequalPasswords } from "@/ui/AccountFields";
import { Field } from "@/ui/Field";
import { Form, SubmitAlert, SubmitButton } from "@/ui/Form";
import { StatusMessage } from "@/ui/StatusMessage";
import { formValues } from "@/ui/formError";
import formStyles from "@/ui/forms.module.css";
import { useSubmit } from "@/ui/useSubmit";
import styles from "./AccountPage.module.css";

const FORM = "password";
const LABELS = { currentPassword: "Current password", ...NEW_PASSWORD_LABELS };
const CODE_FIELDS = { WRONG_PASSWORD: "currentPassword", WEAK_PASSWORD: "newPassword" };

/** Changes the password; the server signs out every other session. */
export function PasswordSection({ onChanged }: { onChanged: () => void }) {
  const form = useSubmit(FORM, LABELS, CODE_FIELDS);
  const [done, setDone] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const values = formValues(element);
    setDone(false);
    if (form.invalid(values, unequalPasswords(values, "The two new passwords are not the same."))) {
      return;
    }
    await form.run(async () => {
      await changePassword(values.currentPassword, values.newPassword);
      element.reset();
      setDone(true);
      onChanged();
    });
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
      <SubmitAlert form={form} />
      <Form form={form} onSubmit={submit} aria-labelledby="password-heading">
        <Field name="currentPassword" type="password" autoComplete="current-password" required />
        <NewPasswordFields />
        <div className={formStyles.actions}>
          <SubmitButton busyLabel="Changing…">Change password</SubmitButton>
        </div>
      </Form>
    </section>
  );
}
