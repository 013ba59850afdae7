"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { kindLabel, ItemIcon } from "@/files/ItemIcon";
import { ApiError } from "@/lib/client";
import factsStyles from "@/ui/facts.module.css";
import { FormAlert } from "@/ui/FormAlert";
import { toFormError, type FormError } from "@/ui/formError";
import { formatBytes, formatDateTime, formatExactBytes } from "@/ui/format";
import formStyles from "@/ui/forms.module.css";
import { LoadError } from "@/ui/LoadError";
import { StatusMessage } from "@/ui/StatusMessage";
import { getSharedDownloadUrl, LINK_NOT_WORKING, sharedFileQuery, type SharedFile } from "./api";
import styles from "./share.module.css";

/** How long to wait after a 429 that did not say. */
const DEFAULT_WAIT_SECONDS = 10;

/**
 * Whether the API said the link does not work. It gives no reason (unknown, expired, revoked, the
 * file in the trash all answer the same), and neither does the page.
 */
function notWorking(error: unknown): boolean {
  return (
    error instanceof ApiError && (error.status === 404 || error.problem.code === LINK_NOT_WORKING)
  );
}

/**
 * `/s/{token}`: the file a share link shows, for anyone who has the link, signed in or not, and
 * a button that downloads it.
 */
export function SharedFilePage({ token }: { token: string }) {
  const shared = useQuery(sharedFileQuery(token));
  const [stopped, setStopped] = useState(false);

  if (stopped || (shared.status === "error" && notWorking(shared.error))) {
    return <NotWorking />;
  }
  if (shared.status === "pending") {
    return (
      <p role="status" className={formStyles.muted}>
        Loading the shared file…
      </p>
    );
  }
  if (shared.status === "error") {
    return (
      <section className={`${formStyles.card} ${styles.shared}`} aria-labelledby="shared-title">
        <h1 id="shared-title" className={formStyles.title}>
          Shared file
        </h1>
        <LoadError
          what="The shared file"
          error={shared.error}
          onRetry={() => void shared.refetch()}
        />
      </section>
    );
  }
  return <SharedFileCard token={token} file={shared.data} onStopped={() => setStopped(true)} />;
}

function NotWorking() {
  return (
    <section
      className={`${formStyles.card} ${formStyles.narrow}`}
      aria-labelledby="shared-not-working"
    >
      <title>Link not working · Depot</title>
      <h1 id="shared-not-working" className={formStyles.title}>
        Link not working
      </h1>
      <p>This link does not work. It may have expired or been revoked.</p>
      <p className={formStyles.muted}>Ask whoever sent it to you for a new link.</p>
    </section>
  );
}

interface SharedFileCardProps {
  token: string;
  file: SharedFile;
  /** The link stopped working while the page was open. */
  onStopped: () => void;
}

function SharedFileCard({ token, file, onStopped }: SharedFileCardProps) {
  const [busy, setBusy] = useState(false);
  const [started, setStarted] = useState(false);
  const [error, setError] = useState<FormError | null>(null);
  /** After a 429: when the link's downloads may be asked for again, and the seconds left. */
  const [wait, setWait] = useState<{ until: number; left: number } | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const waitNotice = useRef<HTMLDivElement>(null);
  /** Whether the button gets the focus back when the wait is over. */
  const refocus = useRef(false);
  const waitUntil = wait?.until;

  // The notice of a wait takes the focus once, so that it is read, and its countdown is not
  // announced again every second.
  useEffect(() => {
    if (waitUntil !== undefined) {
      waitNotice.current?.focus();
    } else if (refocus.current) {
      refocus.current = false;
      button.current?.focus();
    }
  }, [waitUntil]);

  useEffect(() => {
    if (!wait) {
      return;
    }
    const timer = setTimeout(
      () => {
        const left = Math.ceil((wait.until - Date.now()) / 1000);
        if (left > 0) {
          setWait({ until: wait.until, left });
        } else {
          refocus.current = document.activeElement === waitNotice.current;
          setWait(null);
        }
      },
      Math.min(1000, Math.max(0, wait.until - Date.now() - (wait.left - 1) * 1000)),
    );
    return () => clearTimeout(timer);
  }, [wait]);

  async function download() {
    setBusy(true);
    setStarted(false);
    setError(null);
    try {
      const { url } = await getSharedDownloadUrl(token);
      // The answer names the file as an attachment: the browser saves it and the page stays.
      window.location.assign(url);
      setStarted(true);
    } catch (failure) {
      if (notWorking(failure)) {
        onStopped();
        return;
      }
      if (failure instanceof ApiError && failure.status === 429) {
        const seconds = Math.max(1, failure.problem.retryAfter ?? DEFAULT_WAIT_SECONDS);
        setWait({ until: Date.now() + seconds * 1000, left: seconds });
      } else {
        setError(toFormError(failure));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className={`${formStyles.card} ${styles.shared}`} aria-labelledby="shared-title">
      <title>{`${file.name} · Depot`}</title>
      <p className={styles.sharedLabel}>Shared file</p>
      <h1 id="shared-title" className={styles.sharedName}>
        <ItemIcon item={{ kind: "file", mimeType: file.mimeType }} decorative />
        {file.name}
      </h1>
      <dl className={factsStyles.facts}>
        <dt>Size</dt>
        <dd>
          {formatBytes(file.size)}
          {file.size >= 1024 && (
            <span className={formStyles.muted}> ({formatExactBytes(file.size)})</span>
          )}
        </dd>
        <dt>Type</dt>
        <dd>
          {kindLabel({ kind: "file", mimeType: file.mimeType })}
          {file.mimeType && <span className={formStyles.muted}> ({file.mimeType})</span>}
        </dd>
        <dt>Modified</dt>
        <dd>
          <time dateTime={file.modifiedAt}>{formatDateTime(file.modifiedAt)}</time>
        </dd>
      </dl>
      {file.expiresAt && (
        <p className={formStyles.muted}>
          Link expires <time dateTime={file.expiresAt}>{formatDateTime(file.expiresAt)}</time>.
        </p>
      )}
      <div className={formStyles.actions}>
        <button
          ref={button}
          type="button"
          className={formStyles.button}
          onClick={download}
          disabled={busy || wait !== null}
          aria-describedby={wait ? "shared-wait" : undefined}
        >
          {busy ? "Preparing download…" : "Download"}
        </button>
      </div>
      <StatusMessage>{started && <p>Your download of “{file.name}” started.</p>}</StatusMessage>
      {wait && (
        <div ref={waitNotice} id="shared-wait" tabIndex={-1} className={formStyles.alert}>
          <p className={formStyles.alertTitle}>
            Too many downloads from this link right now — try again in {wait.left} s.
          </p>
        </div>
      )}
      {error && <FormAlert error={error} formId="shared-download" />}
    </section>
  );
}
