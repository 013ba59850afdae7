"use client";

import { useId, useRef } from "react";
import { numberedName } from "@/files/KeepBoth";
import { Dialog, useCloseDialog } from "@/ui/Dialog";
import formStyles from "@/ui/forms.module.css";
import type { UploadEntry } from "./UploadManager";
import styles from "./upload.module.css";

type Choice = "rename" | "newVersion" | null;

interface ConflictDialogProps {
  entry: UploadEntry;
  /** The user's choice once the dialog closed: null to cancel the upload (also on Escape). */
  onChoose: (choice: Choice) => void;
}

/**
 * The name of a file being uploaded is taken in its folder: keep both (the upload gets a number),
 * replace (the upload becomes the file's new version; only when a file holds the name), or cancel.
 */
export function ConflictDialog({ entry, onChoose }: ConflictDialogProps) {
  const choice = useRef<Choice>(null);
  const heldByFile = entry.conflict?.kind !== "folder";
  const description = heldByFile
    ? `A file of this name is already in “${entry.target.folderName}”.`
    : `A folder of this name is already in “${entry.target.folderName}”.`;
  return (
    <Dialog
      title={`“${entry.name}” already exists`}
      description={description}
      onClose={() => onChoose(choice.current)}
    >
      <ConflictChoices
        name={entry.name}
        canReplace={heldByFile}
        onPick={(picked) => {
          choice.current = picked;
        }}
      />
    </Dialog>
  );
}

interface ConflictChoicesProps {
  name: string;
  canReplace: boolean;
  onPick: (choice: Choice) => void;
}

function ConflictChoices({ name, canReplace, onPick }: ConflictChoicesProps) {
  const close = useCloseDialog();
  const keepBothId = useId();
  const replaceId = useId();

  function choose(choice: Choice) {
    onPick(choice);
    close();
  }

  return (
    <>
      <ul className={styles.choices}>
        <li className={styles.choice}>
          <button
            type="button"
            className={formStyles.button}
            aria-describedby={keepBothId}
            onClick={() => choose("rename")}
          >
            Keep both
          </button>
          <p id={keepBothId} className={formStyles.hint}>
            The upload is saved as “{numberedName(name, true)}” (or the next free number).
          </p>
        </li>
        {canReplace && (
          <li className={styles.choice}>
            <button
              type="button"
              className={formStyles.secondary}
              aria-describedby={replaceId}
              onClick={() => choose("newVersion")}
            >
              Replace
            </button>
            <p id={replaceId} className={formStyles.hint}>
              The upload becomes the current version of “{name}”. Its older versions are kept.
            </p>
          </li>
        )}
      </ul>
      <div className={formStyles.actions}>
        <button type="button" className={formStyles.secondary} onClick={() => choose(null)}>
          Cancel upload
        </button>
      </div>
    </>
  );
}
