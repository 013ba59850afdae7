"use client";

import Link from "next/link";
import { useId, useState } from "react";
import { fileHref } from "@/files/routes";
import { formatBytes } from "@/ui/format";
import formStyles from "@/ui/forms.module.css";
import { ConflictDialog } from "./ConflictDialog";
import {
  isFinished,
  type UploadEntry,
  type UploadManager,
  type UploadState,
} from "./UploadManager";
import { useUploadChanges } from "./UploadContext";
import styles from "./upload.module.css";

const STATE_LABELS: Record<UploadState, string> = {
  waiting: "Waiting",
  starting: "Starting…",
  uploading: "Uploading",
  paused: "Paused",
  conflict: "Waiting for your choice",
  processing: "Processing…",
  done: "Done",
  failed: "Failed",
  canceled: "Canceled",
};

/** How the panel's heading sums the uploads up, in this order. */
const SUMMARY: { label: string; states: UploadState[] }[] = [
  { label: "uploading", states: ["starting", "uploading"] },
  { label: "waiting", states: ["waiting"] },
  { label: "paused", states: ["paused"] },
  { label: "waiting for your choice", states: ["conflict"] },
  { label: "processing", states: ["processing"] },
  { label: "done", states: ["done"] },
  { label: "failed", states: ["failed"] },
  { label: "canceled", states: ["canceled"] },
];

function summarise(entries: readonly UploadEntry[]): string {
  return SUMMARY.map(({ label, states }) => ({
    label,
    count: entries.filter((e) => states.includes(e.state)).length,
  }))
    .filter(({ count }) => count > 0)
    .map(({ label, count }) => `${count} ${label}`)
    .join(", ");
}

/** The share of the bytes sent, 0–100, rounded down so that 100 means every byte. */
function percentOf(entry: UploadEntry): number {
  if (entry.state === "processing" || entry.state === "done") {
    return 100;
  }
  if (entry.size === 0) {
    return 0;
  }
  return Math.min(100, Math.floor((entry.bytesSent * 100) / entry.size));
}

/** What a screen reader is told when an upload ends. */
function announcement(entry: UploadEntry, change: string): string | null {
  const name = entry.savedAs ?? entry.name;
  switch (change) {
    case "done":
      return `Uploaded “${name}” to “${entry.target.folderName}”.`;
    case "failed":
      return `The upload of “${entry.name}” failed: ${entry.error ?? "unknown error"}`;
    case "canceled":
      return `Canceled the upload of “${entry.name}”.`;
    default:
      return null;
  }
}

interface UploadPanelProps {
  manager: UploadManager;
  entries: readonly UploadEntry[];
}

/**
 * The uploads of this tab, fixed at the bottom right of every page: each with its progress and
 * its Pause, Resume, Cancel and Retry buttons, and the dialog that asks what to do with a name
 * that is taken.
 */
export function UploadPanel({ manager, entries }: UploadPanelProps) {
  const headingId = useId();
  const listId = useId();
  const [open, setOpen] = useState(true);
  const [said, setSaid] = useState("");
  const allFinished = entries.every(isFinished);
  const conflict = entries.find((e) => e.state === "conflict");

  useUploadChanges((entry, change) => {
    const text = announcement(entry, change);
    if (text) {
      setSaid(text);
    }
  });

  return (
    <aside
      className={`${styles.panel} ${open ? styles.panelOpen : ""}`}
      aria-labelledby={headingId}
    >
      <div className={styles.head}>
        <h2 id={headingId} className={styles.heading}>
          Uploads
        </h2>
        <p className={styles.summary}>{summarise(entries)}</p>
        <button
          type="button"
          className={`${styles.iconButton} ${open ? "" : styles.collapsed}`}
          aria-expanded={open}
          aria-controls={listId}
          aria-label="Show the uploads"
          onClick={() => setOpen((o) => !o)}
        >
          <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="m6 9 6 6 6-6" />
          </svg>
        </button>
        {allFinished && (
          <button
            type="button"
            className={styles.iconButton}
            aria-label="Close the uploads"
            onClick={() => manager.clearFinished()}
          >
            <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
              <path d="M6 6l12 12M18 6 6 18" />
            </svg>
          </button>
        )}
      </div>
      <div role="status" className={styles.srOnly}>
        {said}
      </div>
      <ul id={listId} className={styles.list} aria-label="Uploads" hidden={!open}>
        {entries.map((entry) => (
          <UploadRow key={entry.id} entry={entry} manager={manager} />
        ))}
      </ul>
      {conflict && (
        <ConflictDialog
          key={conflict.id}
          entry={conflict}
          onChoose={(choice) => manager.resolveConflict(conflict.id, choice)}
        />
      )}
    </aside>
  );
}

function UploadRow({ entry, manager }: { entry: UploadEntry; manager: UploadManager }) {
  const nameId = useId();
  const percent = percentOf(entry);
  const { name, state } = entry;
  const sent = state === "processing" || state === "done" ? entry.size : entry.bytesSent;
  const small = `${formStyles.secondary} ${formStyles.small}`;
  const stateClass =
    state === "failed" ? styles.stateFailed : state === "done" ? styles.stateDone : styles.state;
  const fillClass =
    state === "failed" ? styles.fillFailed : state === "done" ? styles.fillDone : styles.fill;

  return (
    <li className={styles.item} aria-labelledby={nameId}>
      <div className={styles.itemHead}>
        <span id={nameId} className={styles.name}>
          {name}
        </span>
        <span className={stateClass}>
          {state === "uploading" ? `${STATE_LABELS[state]} · ${percent}%` : STATE_LABELS[state]}
        </span>
      </div>
      <div
        role="progressbar"
        aria-labelledby={nameId}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}%: ${formatBytes(sent)} of ${formatBytes(entry.size)}`}
        className={styles.bar}
      >
        <span className={fillClass} style={{ width: `${percent}%` }} />
      </div>
      <p className={styles.meta}>
        {formatBytes(sent)} of {formatBytes(entry.size)}
        {state === "uploading" && entry.bytesPerSecond !== null
          ? ` · ${formatBytes(Math.round(entry.bytesPerSecond))}/s`
          : ""}{" "}
        · to “{entry.target.folderName}”
      </p>
      {entry.savedAs && entry.savedAs !== name && (
        <p className={styles.note}>Saved as “{entry.savedAs}”.</p>
      )}
      {entry.versionNumber !== null && entry.versionNumber > 1 && (
        <p className={styles.note}>
          Saved as version {entry.versionNumber} of “{entry.savedAs ?? name}”.
        </p>
      )}
      {state === "failed" && entry.error && <p className={styles.error}>{entry.error}</p>}
      <div className={styles.actions}>
        {(state === "uploading" || state === "waiting") && (
          <button
            type="button"
            className={small}
            aria-label={`Pause ${name}`}
            onClick={() => manager.pause(entry.id)}
          >
            Pause
          </button>
        )}
        {state === "paused" && (
          <button
            type="button"
            className={small}
            aria-label={`Resume ${name}`}
            onClick={() => manager.resume(entry.id)}
          >
            Resume
          </button>
        )}
        {state === "failed" && (
          <button
            type="button"
            className={small}
            aria-label={`Retry ${name}`}
            onClick={() => manager.retry(entry.id)}
          >
            Retry
          </button>
        )}
        {state !== "processing" && state !== "done" && state !== "canceled" && (
          <button
            type="button"
            className={small}
            aria-label={`Cancel ${name}`}
            onClick={() => manager.cancel(entry.id)}
          >
            Cancel
          </button>
        )}
        {state === "done" && entry.fileId && (
          <Link href={fileHref(entry.fileId)} aria-label={`Open ${entry.savedAs ?? name}`}>
            Open
          </Link>
        )}
      </div>
    </li>
  );
}
