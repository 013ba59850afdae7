"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { sessionsQuery, type Account } from "@/auth/api";
import { useAuth } from "@/auth/AuthProvider";
import { RequireAuth } from "@/auth/RequireAuth";
import styles from "./AccountPage.module.css";
import { DeleteAccountSection } from "./DeleteAccountSection";
import { PasswordSection } from "./PasswordSection";
import { ProfileSection } from "./ProfileSection";
import { SessionsSection } from "./SessionsSection";

/** `/account`: profile, password, sessions and account deletion, for the signed-in user. */
export function AccountPage() {
  return (
    <div className={styles.page}>
      <h1 className={styles.title}>Your account</h1>
      <RequireAuth>{(account) => <AccountSections account={account} />}</RequireAuth>
    </div>
  );
}

function AccountSections({ account }: { account: Account }) {
  const { reloadAccount } = useAuth();
  const queryClient = useQueryClient();

  useEffect(() => {
    // The account may have changed elsewhere (an email verified in another tab, for instance).
    reloadAccount().catch(() => {});
  }, [reloadAccount]);

  return (
    <>
      <ProfileSection account={account} />
      <PasswordSection
        // Changing the password signs out the other sessions: the list is loaded again then.
        onChanged={() => void queryClient.invalidateQueries({ queryKey: sessionsQuery().queryKey })}
      />
      <SessionsSection />
      <DeleteAccountSection />
    </>
  );
}
