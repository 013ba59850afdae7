"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import { ResendVerificationButton } from "@/account/ResendVerificationButton";
import { ApiError } from "@/lib/client";
import { FormAlert } from "@/ui/FormAlert";
import { toFormError, type FormError } from "@/ui/formError";
import styles from "@/ui/forms.module.css";
import { verifyEmail, type Account } from "./api";
import { useAuth } from "./AuthProvider";

type Result =
  | { kind: "verifying" }
  | { kind: "verified"; account: Account }
  | { kind: "failed"; error: FormError; tokenRefused: boolean };

// A token works once: however often the page renders, it is sent once.
const verifications = new Map<string, Promise<Account>>();

function verifyOnce(token: string): Promise<Account> {
  let verification = verifications.get(token);
  if (!verification) {
    verification = verifyEmail(token);
    verifications.set(token, verification);
  }
  return verification;
}

/** Follows the link of a verification email (`/verify-email?token=…`) and shows the outcome. */
export function VerifyEmail() {
  const token = useSearchParams().get("token");
  const { state, setAccount } = useAuth();
  const [result, setResult] = useState<Result>({ kind: "verifying" });

  useEffect(() => {
    if (!token) {
      return;
    }
    let current = true;
    verifyOnce(token).then(
      (account) => {
        if (current) {
          setResult({ kind: "verified", account });
          setAccount(account);
        }
      },
      (error: unknown) => {
        if (current) {
          const tokenRefused = error instanceof ApiError && error.problem.code === "TOKEN_INVALID";
          setResult({ kind: "failed", error: toFormError(error), tokenRefused });
        }
      },
    );
    return () => {
      current = false;
    };
  }, [token, setAccount]);

  const signedIn = state.status === "signed-in" ? state.account : null;

  return (
    <section className={`${styles.card} ${styles.narrow}`} aria-labelledby="verify-title">
      <h1 id="verify-title" className={styles.title}>
        Email verification
      </h1>
      <div aria-live="polite">
        {!token ? (
          <div role="alert" className={styles.alert}>
            <p className={styles.alertTitle}>
              This page needs the link from the verification email.
            </p>
          </div>
        ) : result.kind === "verifying" ? (
          <p className={styles.muted}>Verifying your email address…</p>
        ) : result.kind === "verified" ? (
          <div className={styles.success}>
            <p>Your email address {result.account.email} is verified.</p>
            <p>
              {signedIn ? (
                <Link href="/account">Go to your account</Link>
              ) : (
                <Link href="/login">Sign in</Link>
              )}
            </p>
          </div>
        ) : (
          <>
            <FormAlert error={result.error} formId="verify" takeFocus={false} />
            {result.tokenRefused && (
              <div className={styles.links}>
                <p className={styles.muted}>
                  A verification link works once and expires after a while.
                </p>
                {signedIn ? (
                  <ResendVerificationButton address={signedIn.pendingEmail ?? signedIn.email} />
                ) : (
                  <p className={styles.muted}>
                    <Link href="/login?next=/account">Sign in</Link> to ask for a new link.
                  </p>
                )}
              </div>
            )}
          </>
        )}
      </div>
    </section>
  );
}
