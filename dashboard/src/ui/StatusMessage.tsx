import type { ReactNode } from "react";
import styles from "./forms.module.css";

/**
 * A live region for success messages. It is always rendered, even when empty, so that screen
 * readers announce the message that appears in it.
 */
export function StatusMessage({ children }: { children?: ReactNode }) {
  return (
    <div role="status" className={children ? styles.success : styles.idle}>
      {children}
    </div>
  );
}
