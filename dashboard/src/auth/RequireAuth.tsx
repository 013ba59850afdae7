"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, type ReactNode } from "react";
import { NetworkError } from "@/lib/client";
import formStyles from "@/ui/forms.module.css";
import type { Account } from "./api";
import { useAuth } from "./AuthProvider";
import { loginPath } from "./navigation";

/**
 * Shows `children` to a signed-in user; sends everyone else to the sign-in page, which comes back
 * here afterwards.
 */
export function RequireAuth({ children }: { children: (account: Account) => ReactNode }) {
  const { state, retry } = useAuth();
  const router = useRouter();
  const pathname = usePathname();
  const mustSignIn = state.status === "signed-out" && state.reason !== "user";

  useEffect(() => {
    if (mustSignIn) {
      router.replace(loginPath(pathname + window.location.search));
    }
  }, [mustSignIn, pathname, router]);

  switch (state.status) {
    case "signed-in":
      return children(state.account);
    case "unavailable":
      return (
        <div role="alert" className={formStyles.alert}>
          <p className={formStyles.alertTitle}>
            {state.error instanceof NetworkError
              ? "The Depot API did not answer, so your sign-in could not be checked."
              : "Your sign-in could not be checked."}
          </p>
          <p className={formStyles.alertText}>
            <button type="button" className={formStyles.secondary} onClick={retry}>
              Try again
            </button>
          </p>
        </div>
      );
    case "signed-out":
      if (state.reason === "user") {
        return (
          <p className={formStyles.muted}>
            You are signed out. <Link href="/login">Sign in</Link>
          </p>
        );
      }
      return <p className={formStyles.muted}>Taking you to the sign-in page…</p>;
    default:
      return (
        <p role="status" className={formStyles.muted}>
          Loading…
        </p>
      );
  }
}
