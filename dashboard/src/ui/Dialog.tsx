"use client";

import { createContext, use, useEffect, useId, useRef, type ReactNode } from "react";
import formStyles from "./forms.module.css";
import styles from "./Dialog.module.css";

const CloseContext = createContext<(() => void) | null>(null);

/** Closes the `Dialog` around a button or form (its `onClose` runs once it is closed). */
export function useCloseDialog(): () => void {
  const close = use(CloseContext);
  if (!close) {
    throw new Error("useCloseDialog() needs a <Dialog> above it");
  }
  return close;
}

/** Closes the `Dialog` around it, doing nothing else. */
export function CancelButton() {
  const close = useCloseDialog();
  return (
    <button type="button" className={formStyles.secondary} onClick={close}>
      Cancel
    </button>
  );
}

interface DialogProps {
  title: string;
  /** A sentence under the title; screen readers read it with the title. */
  description?: ReactNode;
  /** Runs after the dialog closed (Escape, a Cancel button, or done); unmount it then. */
  onClose: () => void;
  wide?: boolean;
  children: ReactNode;
}

/**
 * A modal dialog, open while it is mounted: the page behind it is inert, Escape closes it, and
 * the focus goes to its first field or button and back to where it was afterwards.
 */
export function Dialog({ title, description, onClose, wide = false, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) {
      dialog.showModal();
    }
  }, []);

  function close() {
    ref.current?.close();
  }

  return (
    <dialog
      ref={ref}
      className={`${styles.dialog} ${wide ? styles.wide : ""}`}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onClose={onClose}
    >
      <h2 id={titleId} className={styles.title}>
        {title}
      </h2>
      {description && (
        <p id={descriptionId} className={formStyles.intro}>
          {description}
        </p>
      )}
      <CloseContext value={close}>{children}</CloseContext>
    </dialog>
  );
}
