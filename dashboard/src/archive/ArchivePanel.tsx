"use client";

import { formatBytes } from "@/ui/format";
import formStyles from "@/ui/forms.module.css";
import type { ArchiveActions, TrackedArchive } from "./ArchiveContext";
import styles from "./archive.module.css";

/** The share of the work done, 0–100: by bytes, or by entries for a zip of empty files. */
function percentOf({ archive }: TrackedArchive): number {
  if (archive.status === "ready") {
    return 100;
  }
  const share =
    archive.totalBytes > 0
      ? archive.bytesDone / archive.totalBytes
      : archive.entries > 0
        ? archive.entriesDone / archive.entries
        : 0;
  return Math.min(99, Math.floor(share * 100));
}

function describe(tracked: TrackedArchive): string {
  const { archive } = tracked;
  switch (archive.status) {
    case "preparing":
      return `Preparing: ${archive.entriesDone.toLocaleString("en")} of ${archive.entries.toLocaleString("en")} items, ${formatBytes(archive.bytesDone)} of ${formatBytes(archive.totalBytes)}`;
    case "ready":
      return `Ready, ${formatBytes(archive.size ?? 0)}${tracked.downloaded ? " — your download started" : ""}`;
    case "failed":
      return `Failed: ${archive.error ?? "the archive could not be made"}`;
    default:
      return "Expired";
  }
}

/** The zip archives asked for in this tab: progress, then download, cancel or dismiss. */
export function ArchivePanel({
  archives,
  actions,
}: {
  archives: TrackedArchive[];
  actions: ArchiveActions;
}) {
  return (
    <section className={styles.panel} aria-label="Zip archives">
      <h2 className={styles.heading}>Zip archives</h2>
      <ul className={styles.list}>
        {archives.map((tracked) => {
          const { archive } = tracked;
          const percent = percentOf(tracked);
          return (
            <li key={archive.id} className={styles.entry} aria-label={archive.name}>
              <p className={styles.name}>{archive.name}</p>
              <progress
                className={styles.bar}
                max={100}
                value={percent}
                aria-label={`${archive.name}: ${percent}%`}
              />
              <p className={styles.state} role="status">
                {describe(tracked)}
              </p>
              {tracked.problem && <p className={styles.problem}>{tracked.problem}</p>}
              <div className={styles.actions}>
                {archive.status === "ready" && (
                  <button
                    type="button"
                    className={`${formStyles.secondary} ${formStyles.small}`}
                    onClick={() => void actions.download(archive.id)}
                  >
                    Download{tracked.downloaded ? " again" : ""}
                  </button>
                )}
                {archive.status === "preparing" ? (
                  <button
                    type="button"
                    className={`${formStyles.secondary} ${formStyles.small}`}
                    onClick={() => void actions.cancel(archive.id)}
                  >
                    Cancel
                  </button>
                ) : (
                  <button
                    type="button"
                    className={`${formStyles.secondary} ${formStyles.small}`}
                    onClick={() => actions.dismiss(archive.id)}
                    aria-label={`Dismiss ${archive.name}`}
                  >
                    Dismiss
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
