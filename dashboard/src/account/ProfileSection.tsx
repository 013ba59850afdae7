"use client";

import { useState, type FormEvent } from "react";
import { updateAccount, type Account } from "@/auth/api";
import { useAuth } from "@/auth/AuthProvider";
import { UsernameField } from "@/ui/AccountFields";
import { Field } from "@/ui/Field";
import { Form, SubmitAlert, SubmitButton } from "@/ui/Form";
import { StatusMessage } from "@/ui/StatusMessage";
import { formValues } from "@/ui/formError";
import factsStyles from "@/ui/facts.module.css";
import { formatDateTime } from "@/ui/format";
import formStyles from "@/ui/forms.module.css";
import { useSubmit } from "@/ui/useSubmit";
import styles from "./AccountPage.module.css";
import { ResendVerificationButton } from "./ResendVerificationButton";

const FORM = "profile";
const LABELS = { username: "Username", email: "Email address" };
const CODE_FIELDS = { EMAIL_TAKEN: "email", USERNAME_TAKEN: "username" };

/** The username and email address, their verification state, and the form that changes them. */
export function ProfileSection({ account }: { account: Account }) {
  const { setAccount } = useAuth();
  const form = useSubmit(FORM, LABELS, CODE_FIELDS);
  const [saved, setSaved] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = formValues(event.currentTarget);
    const username = values.username?.trim() ?? "";
    const email = values.email?.trim() ?? "";
    if (form.invalid({ username, email })) {
      return;
    }
    const changes: { username?: string; email?: string } = {};
    if (username !== account.username) {
      changes.username = username;
    }
    if (email !== account.email && email !== account.pendingEmail) {
      changes.email = email;
    }
    form.setError(null);
    setSaved(null);
    if (!changes.username && !changes.email) {
      setSaved("Nothing to save: the username and email address are as before.");
      return;
    }
    await form.run(async () => {
      const updated = await updateAccount(changes);
      setAccount(updated);
      setSaved(
        changes.email
          ? `Saved. We sent a link to ${changes.email}: your email address changes once you follow it.`
          : "Saved.",
      );
    });
  }

  const waitingFor = account.pendingEmail ?? (account.emailVerified ? null : account.email);

  return (
    <section className={styles.section} aria-labelledby="profile-heading">
      <h2 id="profile-heading" className={styles.heading}>
        Profile
      </h2>
      <dl className={factsStyles.facts}>
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
      <SubmitAlert form={form} />
      <Form
        key={`${account.username}|${account.email}|${account.pendingEmail}`}
        form={form}
        onSubmit={submit}
        aria-label="Change username or email address"
      >
        <UsernameField defaultValue={account.username} />
        <Field
          name="email"
          type="email"
          defaultValue={account.pendingEmail ?? account.email}
          autoComplete="email"
          required
          hint="A new address is used once you follow the link we send to it."
        />
        <div className={formStyles.actions}>
          <SubmitButton busyLabel="Saving…">Save</SubmitButton>
        </div>
      </Form>
    </section>
  );
}
