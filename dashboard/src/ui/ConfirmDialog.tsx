"use client";

import type { ReactNode } from "react";
import { CancelButton, Dialog, useCloseDialog } from "./Dialog";
import { SubmitAlert } from "./Form";
import formStyles from "./forms.module.css";
import { useSubmit } from "./useSubmit";

interface ConfirmDialogProps {
  title: string;
  description: ReactNode;
  confirmLabel: string;
  busyLabel: string;
  /** Runs the confirmed action; a failure is shown in the dialog, which stays open. */
  onConfirm: () => Promise<void>;
  onClose: () => void;
}

/** Asks before an action that cannot be undone. Cancel comes first and has the focus. */
export function ConfirmDialog({ title, description, onClose, ...action }: ConfirmDialogProps) {
  return (
    <Dialog title={title} description={description} onClose={onClose}>
      <ConfirmActions {...action} />
    </Dialog>
  );
}

function ConfirmActions({
  confirmLabel,
  busyLabel,
  onConfirm,
}: Pick<ConfirmDialogProps, "confirmLabel" | "busyLabel" | "onConfirm">) {
  const close = useCloseDialog();
  const request = useSubmit("confirm", {});

  function confirm() {
    return request.run(async () => {
      await onConfirm();
      close();
    });
  }

  return (
    <>
      <SubmitAlert form={request} />
      <div className={formStyles.actions}>
        <CancelButton />
        <button
          type="button"
          className={formStyles.danger}
          onClick={confirm}
          disabled={request.busy}
        >
          {request.busy ? busyLabel : confirmLabel}
        </button>
      </div>
    </>
  );
}
