import type { ReactNode } from "react";
import styles from "./files.module.css";

/** A page's heading, with the page's buttons and choices beside it. */
export function PageTitle({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <div className={styles.titleRow}>
      <h1 className={styles.title}>{title}</h1>
      <div className={styles.toolbar}>{children}</div>
    </div>
  );
}
