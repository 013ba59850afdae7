"use client";

import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { useAuth } from "@/auth/AuthProvider";
import { useLiveEvents } from "@/lib/useLiveEvents";
import { toFormError } from "@/ui/formError";
import {
  deleteArchive,
  getArchive,
  listArchives,
  readArchiveChange,
  requestArchive,
  type Archive,
  type ArchiveChange,
} from "./api";
import { ArchiveContext, type ArchiveActions, type TrackedArchive } from "./ArchiveContext";
import { ArchivePanel } from "./ArchivePanel";

/** How often archives being prepared are asked about while the live events do not come. */
const POLL_MS = 1500;

function go(url: string) {
  window.location.assign(url);
}

/**
 * Whether `incoming` is older than `shown`: a read answered after a newer event arrived (or the
 * other way round). Progress only grows, and a finished archive is never preparing again.
 */
function isBehind(incoming: Archive | ArchiveChange, shown: Archive): boolean {
  if (incoming.status !== "preparing") {
    return false;
  }
  return (
    shown.status !== "preparing" ||
    incoming.entriesDone < shown.entriesDone ||
    incoming.bytesDone < shown.bytesDone
  );
}

/**
 * Follows the zip archives the signed-in account asks for, on every page: while one is prepared,
 * the live event stream tells its progress (polled instead while the stream is not open); each
 * downloads by itself when ready, and stays in the panel (to download again or cancel) until
 * dismissed. Archives still being prepared when the page loads (asked for before a reload, or in
 * another tab) are followed too. Signing out or in as someone else forgets them.
 */
export function ArchiveProvider({ children }: { children: ReactNode }) {
  const { account } = useAuth();
  const accountId = account?.id ?? null;
  const [tracked, setTracked] = useState<TrackedArchive[]>([]);
  const [owner, setOwner] = useState(accountId);
  if (owner !== accountId) {
    setOwner(accountId);
    setTracked([]);
  }
  const latest = useRef(tracked);
  useEffect(() => {
    latest.current = tracked;
  });

  useEffect(() => {
    if (!accountId) {
      return;
    }
    const controller = new AbortController();
    listArchives(controller.signal).then(
      (page) => {
        const preparing = page.items.filter((archive) => archive.status === "preparing");
        setTracked((list) => [
          ...list,
          ...preparing
            .filter((archive) => !list.some((t) => t.archive.id === archive.id))
            .map((archive) => ({ archive, downloaded: false, problem: null })),
        ]);
      },
      // Not knowing the earlier archives leaves the panel as it is.
      () => {},
    );
    return () => controller.abort();
  }, [accountId]);

  const update = useCallback((archiveId: string, change: Partial<TrackedArchive>) => {
    setTracked((list) => list.map((t) => (t.archive.id === archiveId ? { ...t, ...change } : t)));
  }, []);

  /** The archives whose download was started by itself (once each), claimed before it starts. */
  const started = useRef(new Set<string>());

  /**
   * Shows the archive as it now is, unless what is shown is newer; the first time it is seen
   * ready, its download starts (with a link read for it when `archive` has none, as events do).
   */
  const receive = useCallback(async (archive: Archive | ArchiveChange) => {
    if (archive.status === "deleted") {
      setTracked((list) => list.filter((t) => t.archive.id !== archive.id));
      return;
    }
    setTracked((list) =>
      list.map((t) =>
        t.archive.id === archive.id && !isBehind(archive, t.archive)
          ? { ...t, archive: { ...t.archive, ...archive }, problem: null }
          : t,
      ),
    );
    const before = latest.current.find((t) => t.archive.id === archive.id);
    if (archive.status !== "ready" || !before || before.downloaded) {
      return;
    }
    if (started.current.has(archive.id)) {
      return;
    }
    started.current.add(archive.id);
    // Not tied to the stream or the polling: both stop as soon as nothing is prepared any more.
    const ready =
      "downloadUrl" in archive && archive.downloadUrl ? archive : await getArchive(archive.id);
    if (!latest.current.some((t) => t.archive.id === archive.id)) {
      return;
    }
    setTracked((list) =>
      list.map((t) =>
        t.archive.id === archive.id ? { ...t, archive: ready, problem: null, downloaded: true } : t,
      ),
    );
    if (ready.downloadUrl) {
      go(ready.downloadUrl);
    }
  }, []);

  /** Reads the archive once and shows it; a failure shows until the next answer. */
  const refresh = useCallback(
    async (archiveId: string, signal: AbortSignal) => {
      try {
        await receive(await getArchive(archiveId, signal));
      } catch (failure) {
        if (!signal.aborted) {
          update(archiveId, { problem: toFormError(failure).message });
        }
      }
    },
    [receive, update],
  );

  const preparing = tracked
    .filter((t) => t.archive.status === "preparing")
    .map((t) => t.archive.id)
    .join(",");
  // The stream is open only while something is prepared: no idle connection otherwise.
  useLiveEvents(preparing !== "", {
    onEvent(event) {
      const change = event.event === "archive" ? readArchiveChange(event.data) : null;
      if (change && latest.current.some((t) => t.archive.id === change.id)) {
        receive(change).catch((failure: unknown) => {
          update(change.id, { problem: toFormError(failure).message });
        });
      }
    },
    async catchUp(signal) {
      for (const archiveId of preparing.split(",")) {
        await refresh(archiveId, signal);
        if (signal.aborted) {
          return;
        }
      }
    },
    pollMs: POLL_MS,
  });

  const actions: ArchiveActions = {
    async start(itemIds, name) {
      const archive = await requestArchive(itemIds, name);
      setTracked((list) => [
        { archive, downloaded: false, problem: null },
        ...list.filter((t) => t.archive.id !== archive.id),
      ]);
      return archive;
    },
    async download(archiveId) {
      try {
        const archive = await getArchive(archiveId);
        update(archiveId, { archive, problem: null, downloaded: true });
        if (archive.downloadUrl) {
          go(archive.downloadUrl);
        }
      } catch (failure) {
        update(archiveId, { problem: toFormError(failure).message });
      }
    },
    async cancel(archiveId) {
      try {
        await deleteArchive(archiveId);
        setTracked((list) => list.filter((t) => t.archive.id !== archiveId));
      } catch (failure) {
        update(archiveId, { problem: toFormError(failure).message });
      }
    },
    dismiss(archiveId) {
      setTracked((list) => list.filter((t) => t.archive.id !== archiveId));
    },
  };

  return (
    <ArchiveContext value={accountId ? actions : null}>
      {children}
      {accountId && tracked.length > 0 && <ArchivePanel archives={tracked} actions={actions} />}
    </ArchiveContext>
  );
}
