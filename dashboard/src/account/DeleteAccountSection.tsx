"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { deleteAccount } from "@/auth/api";
import { useAuth } from "@/auth/AuthProvider";
import { Field } from "@/ui/Field";
import { FormAlert } from "@/ui/FormAlert";
import { formValues, missingFields, toFormError, type FormError } from "@/ui/formError";
import formStyles from "@/ui/forms.module.css";
import styles from "./AccountPage.module.css";

const FORM = "delete";
const LABELS = { password: "Your password" };

/** Deletes the account after the password is confirmed in a dialog. */
export function DeleteAccountSection() {
  const { forgetSession } = useAuth();
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState<FormError | null>(null);
  const [busy, setBusy] = useState(false);

  function open() {
    setError(null);
    dialog.current?.showModal();
  }

  function close() {
    dialog.current?.close();
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = formValues(event.currentTarget);
    const missing = missingFields(values, LABELS);
    if (missing) {
      setError(missing);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await deleteAccount(values.password);
      forgetSession();
      router.replace("/?account=deleted");
    } catch (failure) {
      setError(toFormError(failure, { WRONG_PASSWORD: "password" }));
      setBusy(false);
    }
  }

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
        <button type="button" className={formStyles.danger} onClick={open}>
          Delete account…
        </button>
      </div>
      <dialog
        ref={dialog}
        className={styles.dialog}
        aria-labelledby="delete-dialog-title"
        aria-describedby="delete-dialog-text"
        onClose={() => setError(null)}
      >
        <h2 id="delete-dialog-title" className={formStyles.title}>
          Delete your account?
        </h2>
        <p id="delete-dialog-text" className={formStyles.intro}>
          Every session ends, the account is gone and your files and folders go to the trash, to be
          removed for good. Enter your password to confirm.
        </p>
        {error && <FormAlert error={error} formId={FORM} labels={LABELS} />}
        <form
          className={formStyles.form}
          onSubmit={submit}
          noValidate
          aria-label="Confirm deletion"
        >
          <Field
            formId={FORM}
            name="password"
            type="password"
            label={LABELS.password}
            autoComplete="current-password"
            required
            error={error?.fieldMessages.password}
          />
          <div className={formStyles.actions}>
            <button type="submit" className={formStyles.danger} disabled={busy}>
              {busy ? "Deleting…" : "Delete my account"}
            </button>
            <button type="button" className={formStyles.secondary} onClick={close}>
              Cancel
            </button>
          </div>
        </form>
      </dialog>
    </section>
  );
}
