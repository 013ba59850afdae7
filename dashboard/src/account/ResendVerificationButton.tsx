"use client";

import { useState } from "react";
import { resendVerification } from "@/auth/api";
import { SubmitAlert } from "@/ui/Form";
import { StatusMessage } from "@/ui/StatusMessage";
import styles from "@/ui/forms.module.css";
import { useSubmit } from "@/ui/useSubmit";

/** Sends the verification link again, to the address that still waits for it. */
export function ResendVerificationButton({ address }: { address: string }) {
  const request = useSubmit("resend", {});
  const [sent, setSent] = useState(false);

  function resend() {
    return request.run(async () => {
      setSent(false);
      await resendVerification();
      setSent(true);
    });
  }

  return (
    <div className={styles.form}>
      <div className={styles.actions}>
        <button type="button" className={styles.secondary} onClick={resend} disabled={request.busy}>
          {request.busy ? "Sending…" : "Resend verification email"}
        </button>
      </div>
      <StatusMessage>{sent && <p>We sent a new link to {address}.</p>}</StatusMessage>
      <SubmitAlert form={request} />
    </div>
  );
}
