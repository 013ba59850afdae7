"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useId } from "react";
import { formatBytes } from "@/ui/format";
import formStyles from "@/ui/forms.module.css";
import { useUploadChanges } from "@/upload/UploadContext";
import { usageQuery, type Usage } from "./api";
import styles from "./files.module.css";

/** Refreshes the usage panel, after a change that adds, moves or frees stored bytes. */
export function useRefreshUsage(): () => void {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: usageQuery().queryKey });
}

const PARTS = [
  { key: "liveBytes", label: "Files", className: styles.partFiles },
  { key: "versionBytes", label: "Older versions", className: styles.partVersions },
  { key: "trashBytes", label: "Trash", className: styles.partTrash },
  { key: "reservedBytes", label: "Uploads in progress", className: styles.partUploads },
] as const;

const percent = new Intl.NumberFormat(undefined, { style: "percent", maximumFractionDigits: 0 });

/** How much of the storage limit is used, and by what: files, older versions, trash, uploads. */
export function UsagePanel() {
  const usage = useQuery(usageQuery());
  const headingId = useId();
  // An upload reserves space when it starts, and gives it back or fills it when it ends.
  useUploadChanges(useRefreshUsage());
  return (
    <section className={styles.usage} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.sideHeading}>
        Storage
      </h2>
      {usage.status === "pending" && <p className={styles.muted}>Loading usage…</p>}
      {usage.status === "error" && (
        <p className={styles.muted}>
          Usage could not be loaded.{" "}
          <button
            type="button"
            className={`${formStyles.secondary} ${formStyles.small}`}
            onClick={() => void usage.refetch()}
          >
            Try again
          </button>
        </p>
      )}
      {usage.status === "success" && <UsageBreakdown usage={usage.data} />}
    </section>
  );
}

function UsageBreakdown({ usage }: { usage: Usage }) {
  const { limitBytes, usedBytes } = usage;
  const share = limitBytes > 0 ? usedBytes / limitBytes : usedBytes > 0 ? 1 : 0;
  // Over the limit, the bar shows the parts against what is used instead.
  const scale = Math.max(limitBytes, usedBytes, 1);
  const summary = `${formatBytes(usedBytes)} of ${formatBytes(limitBytes)} used`;
  const full = usedBytes > 0 && usedBytes >= limitBytes;
  return (
    <>
      <p className={styles.usageSummary}>
        {summary} <span className={styles.usagePercent}>({percent.format(share)})</span>
      </p>
      <div
        role="meter"
        aria-label="Storage used"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.min(100, Math.round(share * 100))}
        aria-valuetext={`${summary} (${percent.format(share)})`}
        className={`${styles.bar} ${share >= 0.9 ? styles.barFull : ""}`}
      >
        {PARTS.map(({ key, className }) => (
          <span
            key={key}
            className={`${styles.barPart} ${className}`}
            style={{ width: `${(usage[key] * 100) / scale}%` }}
          />
        ))}
      </div>
      <dl className={styles.legend}>
        {PARTS.map(({ key, label, className }) => (
          <div key={key} className={styles.legendRow}>
            <dt>
              <span className={`${styles.swatch} ${className}`} aria-hidden="true" />
              {label}
            </dt>
            <dd>{formatBytes(usage[key])}</dd>
          </div>
        ))}
        <div className={styles.legendRow}>
          <dt>
            <span className={`${styles.swatch} ${styles.partFree}`} aria-hidden="true" />
            Available
          </dt>
          <dd>{formatBytes(usage.availableBytes)}</dd>
        </div>
      </dl>
      {full && (
        <p className={styles.usageWarning}>
          Your storage is full. Empty the trash or delete older versions to make room.
        </p>
      )}
      {usage.customLimit && (
        <p className={styles.muted}>Your limit of {formatBytes(limitBytes)} was set for you.</p>
      )}
    </>
  );
}
