import styles from "./files.module.css";

/**
 * What is being done with a file (or version) after its upload: "Processing…" while previews are
 * made, "Preview failed" when that failed (the file can still be downloaded); nothing otherwise.
 */
export function ProcessingBadge({ status }: { status?: string | null }) {
  switch (status) {
    case "processing":
      return <span className={styles.badgeMuted}>Processing…</span>;
    case "failed":
      return <span className={styles.badgeWarning}>Preview failed</span>;
    default:
      return null;
  }
}
