"use client";

import { useSearchParams } from "next/navigation";
import styles from "@/app/page.module.css";
import formStyles from "@/ui/forms.module.css";

/** Shown on the home page right after the account was deleted (`/?account=deleted`). */
export function AccountDeletedNotice() {
  const deleted = useSearchParams().get("account") === "deleted";
  if (!deleted) {
    return null;
  }
  return (
    <div role="status" className={`${formStyles.info} ${styles.deleted}`}>
      <p>
        Your account was deleted and every session signed out. Your files and folders were moved to
        the trash and will be removed for good shortly.
      </p>
    </div>
  );
}
