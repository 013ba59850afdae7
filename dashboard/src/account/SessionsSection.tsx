"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { revokeSession, sessionsQuery, type Session } from "@/auth/api";
import { useAuth } from "@/auth/AuthProvider";
import { ApiError } from "@/lib/client";
import { FormAlert } from "@/ui/FormAlert";
import { StatusMessage } from "@/ui/StatusMessage";
import { toFormError, type FormError } from "@/ui/formError";
import { formatDateTime } from "@/ui/format";
import formStyles from "@/ui/forms.module.css";
import styles from "./AccountPage.module.css";
import { describeUserAgent } from "./format";

/** The browsers and devices signed in to the account, each of which can be signed out. */
export function SessionsSection() {
  const { logoutAll } = useAuth();
  const router = useRouter();
  const queryClient = useQueryClient();
  const list = useQuery(sessionsQuery());
  const [error, setError] = useState<FormError | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  function removeFromList(id: string) {
    queryClient.setQueryData(
      sessionsQuery().queryKey,
      (sessions) => sessions && sessions.filter((s) => s.id !== id),
    );
  }

  async function revoke(session: Session) {
    setBusy(session.id);
    setError(null);
    setMessage(null);
    try {
      await revokeSession(session.id);
      removeFromList(session.id);
      setMessage(`Revoked the session of ${describeUserAgent(session.userAgent)}.`);
    } catch (failure) {
      if (failure instanceof ApiError && failure.problem.code === "SESSION_NOT_FOUND") {
        removeFromList(session.id);
        setMessage(`The session of ${describeUserAgent(session.userAgent)} had already ended.`);
      } else {
        setError(toFormError(failure));
      }
    } finally {
      setBusy(null);
    }
  }

  async function signOutEverywhere() {
    setBusy("all");
    setError(null);
    setMessage(null);
    try {
      await logoutAll();
      router.push("/login");
    } catch (failure) {
      setError(toFormError(failure));
      setBusy(null);
    }
  }

  return (
    <section className={styles.section} aria-labelledby="sessions-heading">
      <h2 id="sessions-heading" className={styles.heading}>
        Sessions
      </h2>
      <p className={styles.text}>
        Where your account is signed in. Sign out any device you do not recognise, or every device
        at once.
      </p>
      <StatusMessage>{message && <p>{message}</p>}</StatusMessage>
      {error && <FormAlert error={error} formId="sessions" />}
      {list.status === "pending" && <p className={styles.text}>Loading sessions…</p>}
      {list.status === "error" && (
        <FormAlert error={toFormError(list.error)} formId="sessions-list" takeFocus={false} />
      )}
      {list.status === "success" && (
        <ul className={styles.sessions} aria-label="Signed-in sessions">
          {list.data.map((session) => {
            const device = describeUserAgent(session.userAgent);
            const describedBy = `session-${session.id}`;
            return (
              <li key={session.id} className={styles.session}>
                <div id={describedBy}>
                  <p className={styles.device}>
                    {device}
                    {session.current && <span className={styles.badge}>This device</span>}
                  </p>
                  <p className={styles.meta}>
                    {session.ipAddress ?? "Unknown address"} · signed in{" "}
                    <time dateTime={session.createdAt}>{formatDateTime(session.createdAt)}</time> ·
                    last active{" "}
                    <time dateTime={session.lastUsedAt}>{formatDateTime(session.lastUsedAt)}</time>
                  </p>
                </div>
                {!session.current && (
                  <button
                    type="button"
                    className={`${formStyles.secondary} ${formStyles.small}`}
                    onClick={() => revoke(session)}
                    disabled={busy !== null}
                    aria-describedby={describedBy}
                  >
                    {busy === session.id ? "Revoking…" : "Revoke"}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <div className={formStyles.actions}>
        <button
          type="button"
          className={formStyles.secondary}
          onClick={signOutEverywhere}
          disabled={busy !== null}
        >
          {busy === "all" ? "Signing out…" : "Sign out everywhere"}
        </button>
      </div>
    </section>
  );
}
