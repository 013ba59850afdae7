import type { StartedUpload } from "./api";

/**
 * What makes an upload resumable after the page is loaded again: the same account, the same
 * folder and the same file (name, type, size and modification time) give the same fingerprint.
 * tus-js-client keeps the upload's URL under it, and the start that reserved it is kept here.
 */
export function uploadFingerprint(accountId: string, folderId: string, file: File): string {
  return ["depot", accountId, folderId, file.name, file.type, file.size, file.lastModified].join(
    "/",
  );
}

const PREFIX = "depot.upload::";

/** A start is not reused when its ticket expires within this, as the bytes may take longer. */
const EXPIRY_MARGIN_MS = 60_000;

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}

function isUsable(start: Partial<StartedUpload>, now: number): start is StartedUpload {
  return (
    typeof start.ticket === "string" &&
    typeof start.uploadUrl === "string" &&
    typeof start.fileId === "string" &&
    typeof start.expiresAt === "string" &&
    Date.parse(start.expiresAt) - EXPIRY_MARGIN_MS > now
  );
}

/** Keeps the start of an upload, so that the upload can resume after the page is reloaded. */
export function rememberStart(fingerprint: string, start: StartedUpload): void {
  try {
    storage()?.setItem(PREFIX + fingerprint, JSON.stringify(start));
  } catch {
    // Full or unavailable storage: the upload still runs, it just cannot resume after a reload.
  }
}

/** The kept start of an upload of the same file, while its ticket is good; forgets a stale one. */
export function readStart(fingerprint: string): StartedUpload | null {
  const store = storage();
  const text = store?.getItem(PREFIX + fingerprint);
  if (!store || !text) {
    return null;
  }
  try {
    const start = JSON.parse(text) as Partial<StartedUpload>;
    if (isUsable(start, Date.now())) {
      return start;
    }
  } catch {
    // Not ours, or damaged: forgotten below.
  }
  store.removeItem(PREFIX + fingerprint);
  return null;
}

export function forgetStart(fingerprint: string): void {
  storage()?.removeItem(PREFIX + fingerprint);
}

/** Forgets the kept starts whose tickets have expired. */
export function forgetExpiredStarts(): void {
  const store = storage();
  if (!store) {
    return;
  }
  const keys: string[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (key?.startsWith(PREFIX)) {
      keys.push(key);
    }
  }
  for (const key of keys) {
    readStart(key.slice(PREFIX.length));
  }
}
