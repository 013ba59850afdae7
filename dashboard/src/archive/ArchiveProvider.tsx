"use client";

import {
  createContext,
  use,
  useCallback,
  useEffect,
  useRef,
  useState,
  type ReactNode,
} from "react";
import { useAuth } from "@/auth/AuthProvider";
import { toFormError } from "@/ui/formError";
import { deleteArchive, getArchive, listArchives, requestArchive, type Archive } from "./api";
import { ArchivePanel } from "./ArchivePanel";

/** How often archives being prepared are asked about. */
const POLL_MS = 1500;

/** An archive this tab asked for, as the panel shows it. */
export interface TrackedArchive {
  archive: Archive;
  /** Whether its download was started (it starts by itself once, when it is ready). */
  downloaded: boolean;
  /** The last failure to reach it, shown until the next answer. */
  problem: string | null;
}

export interface ArchiveActions {
  /** Asks for a zip of `items`; it is followed in the panel and downloads when ready. */
  start(itemIds: string[], name?: string): Promise<Archive>;
  download(archiveId: string): Promise<void>;
  cancel(archiveId: string): Promise<void>;
  dismiss(archiveId: string): void;
}

const ArchiveContext = createContext<ArchiveActions | null>(null);

/** The archive actions of the signed-in account; null while signed out. */
export function useArchives(): ArchiveActions | null {
  return use(ArchiveContext);
}

function go(url: string) {
  window.location.assign(url);
}

/**
 * Follows the zip archives the signed-in account asks for, on every page: each is polled while it
 * is prepared, downloads by itself when ready, and stays in the panel (to download again or
 * cancel) until dismissed. Archives still being prepared when the page loads (asked for before a
 * reload, or in another tab) are followed too. Signing out or in as someone else forgets them.
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
  const [round, setRound] = useState(0);
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

  const preparing = tracked
    .filter((t) => t.archive.status === "preparing")
    .map((t) => t.archive.id)
    .join(",");

  useEffect(() => {
    if (!preparing) {
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(async () => {
      for (const archiveId of preparing.split(",")) {
        try {
          const archive = await getArchive(archiveId, controller.signal);
          const before = latest.current.find((t) => t.archive.id === archiveId);
          const startNow = archive.status === "ready" && !before?.downloaded && archive.downloadUrl;
          update(archiveId, {
            archive,
            problem: null,
            downloaded: before?.downloaded || !!startNow,
          });
          if (startNow && archive.downloadUrl) {
            go(archive.downloadUrl);
          }
        } catch (failure) {
          if (controller.signal.aborted) {
            return;
          }
          update(archiveId, { problem: toFormError(failure).message });
        }
      }
      setRound((r) => r + 1);
    }, POLL_MS);
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [preparing, round, update]);

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
