"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { deleteAccount } from "@/auth/api";
import { useAuth } from "@/auth/AuthProvider";
import { CancelButton, Dialog } from "@/ui/Dialog";
import { Field } from "@/ui/Field";
import { Form, SubmitAlert, SubmitButton } from "@/ui/Form";
import { formValues } from "@/ui/formError";
import formStyles from "@/ui/forms.module.css";
import { useSubmit } from "@/ui/useSubmit";
import styles from "./AccountPage.module.css";

const FORM = "delete";
const LABELS = { password: "Your password" };

/** Deletes the account after the password is confirmed in a dialog. */
export function DeleteAccountSection() {
  const [confirming, setConfirming] = useState(false);

  return (
    <section className={styles.section} aria-labelledby="delete-heading">
      <h2 id="delete-heading" className={styles.heading}>
        Delete account
      </h2>
      <p className={styles.text}>
        Deleting your account signs out every session and moves all your files and folders to the
        trash, from where they are removed for good shortly after. This cannot be undone.
      </p>
      <div className={formStyles.actions}>
        <button type="button" className={formStyles.danger} onClick={() => setConfirming(true)}>
          Delete account…
        </button>
      </div>
      {confirming && (
        <Dialog
          title="Delete your account?"
          description="Every session ends, the account is gone and your files and folders go to the trash, to be removed for good. Enter your password to confirm."
          onClose={() => setConfirming(false)}
        >
          <ConfirmDeletionForm />
        </Dialog>
      )}
    </section>
  );
}

function ConfirmDeletionForm() {
  const { forgetSession } = useAuth();
  const router = useRouter();
  const form = useSubmit(FORM, LABELS, { WRONG_PASSWORD: "password" });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = formValues(event.currentTarget);
    if (form.invalid(values)) {
      return;
    }
    await form.run(
      async () => {
        await deleteAccount(values.password);
        forgetSession();
        router.replace("/?account=deleted");
      },
      { leaving: true },
    );
  }

  return (
    <>
      <SubmitAlert form={form} />
      <Form form={form} onSubmit={submit} aria-label="Confirm deletion">
        <Field name="password" type="password" autoComplete="current-password" required />
        <div className={formStyles.actions}>
          <SubmitButton variant="danger" busyLabel="Deleting…">
            Delete my account
          </SubmitButton>
          <CancelButton />
        </div>
      </Form>
    </>
  );
}
