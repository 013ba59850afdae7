"use client";

import { useState } from "react";
import { resendVerification } from "@/auth/api";
import { FormAlert } from "@/ui/FormAlert";
import { StatusMessage } from "@/ui/StatusMessage";
import { toFormError, type FormError } from "@/ui/formError";
import styles from "@/ui/forms.module.css";

/** Sends the verification link again, to the address that still waits for it. */
export function ResendVerificationButton({ address }: { address: string }) {
  const [error, setError] = useState<FormError | null>(null);
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);

  async function resend() {
    setBusy(true);
    setError(null);
    setSent(false);
    try {
      await resendVerification();
      setSent(true);
    } catch (failure) {
      setError(toFormError(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className={styles.form}>
      <div className={styles.actions}>
        <button type="button" className={styles.secondary} onClick={resend} disabled={busy}>
          {busy ? "Sending…" : "Resend verification email"}
        </button>
      </div>
      <StatusMessage>{sent && <p>We sent a new link to {address}.</p>}</StatusMessage>
      {error && <FormAlert error={error} formId="resend" />}
    </div>
  );
}
