"use client";

import { useState, type FormEvent } from "react";
import { updateAccount, type Account } from "@/auth/api";
import { useAuth } from "@/auth/AuthProvider";
import { USERNAME_HINT } from "@/auth/rules";
import { Field } from "@/ui/Field";
import { FormAlert } from "@/ui/FormAlert";
import { StatusMessage } from "@/ui/StatusMessage";
import { formValues, missingFields, toFormError, type FormError } from "@/ui/formError";
import formStyles from "@/ui/forms.module.css";
import styles from "./AccountPage.module.css";
import { formatDateTime } from "./format";
import { ResendVerificationButton } from "./ResendVerificationButton";

const FORM = "profile";
const LABELS = { username: "Username", email: "Email address" };
const CODE_FIELDS = { EMAIL_TAKEN: "email", USERNAME_TAKEN: "username" };

/** The username and email address, their verification state, and the form that changes them. */
export function ProfileSection({ account }: { account: Account }) {
  const { setAccount } = useAuth();
  const [error, setError] = useState<FormError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = formValues(event.currentTarget);
    const username = values.username?.trim() ?? "";
    const email = values.email?.trim() ?? "";
    const missing = missingFields({ username, email }, LABELS);
    if (missing) {
      setError(missing);
      return;
    }
    const changes: { username?: string; email?: string } = {};
    if (username !== account.username) {
      changes.username = username;
    }
    if (email !== account.email && email !== account.pendingEmail) {
      changes.email = email;
    }
    setError(null);
    setSaved(null);
    if (!changes.username && !changes.email) {
      setSaved("Nothing to save: the username and email address are as before.");
      return;
    }
    setBusy(true);
    try {
      const updated = await updateAccount(changes);
      setAccount(updated);
      setSaved(
        changes.email
          ? `Saved. We sent a link to ${changes.email}: your email address changes once you follow it.`
          : "Saved.",
      );
    } catch (failure) {
      setError(toFormError(failure, CODE_FIELDS));
    } finally {
      setBusy(false);
    }
  }

  const waitingFor = account.pendingEmail ?? (account.emailVerified ? null : account.email);

  return (
    <section className={styles.section} aria-labelledby="profile-heading">
      <h2 id="profile-heading" className={styles.heading}>
        Profile
      </h2>
      <dl className={styles.facts}>
        <dt>Username</dt>
        <dd>{account.username}</dd>
        <dt>Email address</dt>
        <dd>
          {account.email}
          {account.emailVerified ? (
            <span className={styles.badgeOk}>Verified</span>
          ) : (
            <span className={styles.badgeWarn}>Not verified</span>
          )}
        </dd>
        <dt>Member since</dt>
        <dd>
          <time dateTime={account.createdAt}>{formatDateTime(account.createdAt)}</time>
        </dd>
      </dl>

      {account.pendingEmail ? (
        <div className={formStyles.info} data-testid="pending-email">
          <p>
            You asked to change your email address to <strong>{account.pendingEmail}</strong>. It
            changes once you follow the link we sent there; until then, {account.email} stays in
            use.
          </p>
        </div>
      ) : (
        !account.emailVerified && (
          <div className={formStyles.info} data-testid="unverified-email">
            <p>
              Please verify your email address: follow the link we sent to {account.email}. Until
              then you can use your files, but not share them.
            </p>
          </div>
        )
      )}
      {waitingFor && <ResendVerificationButton address={waitingFor} />}

      <h3 className={styles.subheading}>Change username or email address</h3>
      <StatusMessage>{saved && <p>{saved}</p>}</StatusMessage>
      {error && <FormAlert error={error} formId={FORM} labels={LABELS} />}
      <form
        key={`${account.username}|${account.email}|${account.pendingEmail}`}
        className={formStyles.form}
        onSubmit={submit}
        noValidate
        aria-label="Change username or email address"
      >
        <Field
          formId={FORM}
          name="username"
          label={LABELS.username}
          defaultValue={account.username}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          hint={USERNAME_HINT}
          error={error?.fieldMessages.username}
        />
        <Field
          formId={FORM}
          name="email"
          type="email"
          label={LABELS.email}
          defaultValue={account.pendingEmail ?? account.email}
          autoComplete="email"
          required
          hint="A new address is used once you follow the link we send to it."
          error={error?.fieldMessages.email}
        />
        <div className={formStyles.actions}>
          <button type="submit" className={formStyles.button} disabled={busy}>
            {busy ? "Saving…" : "Save"}
          </button>
        </div>
      </form>
    </section>
  );
}
