"use client";

import Link from "next/link";
import { useAuth } from "@/auth/AuthProvider";
import formStyles from "@/ui/forms.module.css";
import styles from "./FilesWelcome.module.css";
import { ACTIVITY_HREF, folderHref, TRASH_HREF } from "./routes";

/** The home page's way to the files: for the signed-in user, or a word on signing in. */
export function FilesWelcome() {
  const { state } = useAuth();
  if (state.status === "loading") {
    return <div className={styles.placeholder} aria-hidden="true" />;
  }
  if (state.status !== "signed-in") {
    return (
      <p className={styles.lead}>
        Sign in to browse your folders and files. Uploads and sharing are not here yet; until they
        are, this page also shows whether the Depot services answer.
      </p>
    );
  }
  return (
    <section className={styles.card} aria-labelledby="files-welcome">
      <h2 id="files-welcome" className={styles.heading}>
        Your files
      </h2>
      <p className={styles.text}>
        Browse and organise your folders and files, bring back older versions and restore what you
        deleted.
      </p>
      <p className={styles.links}>
        <Link href={folderHref(null)} className={formStyles.button}>
          Open My files
        </Link>
        <Link href={TRASH_HREF} className={formStyles.inlineLink}>
          Trash
        </Link>
        <Link href={ACTIVITY_HREF} className={formStyles.inlineLink}>
          Activity
        </Link>
      </p>
    </section>
  );
}
