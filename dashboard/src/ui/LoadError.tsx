import { toFormError } from "./formError";
import styles from "./forms.module.css";

interface LoadErrorProps {
  /** What could not be loaded, as the start of a sentence: "This folder", "The trash". */
  what: string;
  error: unknown;
  onRetry: () => void;
}

/** Says that something could not be loaded, why, and offers to try again. */
export function LoadError({ what, error, onRetry }: LoadErrorProps) {
  const { message, traceId } = toFormError(error);
  return (
    <div role="alert" className={styles.alert}>
      <p className={styles.alertTitle}>{what} could not be loaded.</p>
      <p className={styles.alertText}>{message}</p>
      {traceId && (
        <p className={styles.trace}>
          Trace id: <code>{traceId}</code>
        </p>
      )}
      <p className={styles.alertText}>
        <button type="button" className={`${styles.secondary} ${styles.small}`} onClick={onRetry}>
          Try again
        </button>
      </p>
    </div>
  );
}
