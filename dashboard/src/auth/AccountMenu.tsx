"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useAuth } from "./AuthProvider";
import styles from "./AccountMenu.module.css";

/** The header's sign-in state: who is signed in and a way out, or the ways in. */
export function AccountMenu() {
  const { state, logout } = useAuth();
  const router = useRouter();
  const [busy, setBusy] = useState(false);

  async function signOut() {
    setBusy(true);
    try {
      await logout();
      router.push("/login");
    } finally {
      setBusy(false);
    }
  }

  if (state.status === "loading") {
    return <div className={styles.menu} aria-hidden="true" />;
  }
  return (
    <nav className={styles.menu} aria-label="Account">
      {state.status === "signed-in" ? (
        <>
          <span>
            <span className={styles.who}>Signed in as </span>
            <Link href="/account" className={styles.link}>
              {state.account.username}
            </Link>
          </span>
          <button type="button" className={styles.button} onClick={signOut} disabled={busy}>
            Sign out
          </button>
        </>
      ) : (
        <>
          <Link href="/login" className={styles.link}>
            Sign in
          </Link>
          <Link href="/signup" className={styles.primary}>
            Create account
          </Link>
        </>
      )}
    </nav>
  );
}
