"use client";

import { useEffect, useState, useSyncExternalStore, type ReactNode } from "react";
import { useAuth } from "@/auth/AuthProvider";
import { UploadContext } from "./UploadContext";
import { isUnfinished, UploadManager, type UploadEntry } from "./UploadManager";
import { UploadPanel } from "./UploadPanel";

const NO_UPLOADS: readonly UploadEntry[] = [];
const noSubscription = () => () => {};
const noUploads = () => NO_UPLOADS;

/**
 * Holds the uploads of the signed-in account for every page of this tab, so that they go on while
 * the user moves between folders, and shows them in the upload panel. A new account (or signing
 * out) stops the uploads of the last one; they can resume when their files are chosen again.
 */
export function UploadProvider({ children }: { children: ReactNode }) {
  const { account } = useAuth();
  const accountId = account?.id ?? null;
  const [current, setCurrent] = useState(() => ({
    accountId,
    manager: accountId ? new UploadManager(accountId) : null,
  }));
  let manager = current.manager;
  if (current.accountId !== accountId) {
    manager = accountId ? new UploadManager(accountId) : null;
    setCurrent({ accountId, manager });
  }

  useEffect(() => {
    if (!manager) {
      return;
    }
    manager.attach();
    return () => manager.detach();
  }, [manager]);

  const entries = useSyncExternalStore(
    manager?.subscribe ?? noSubscription,
    manager?.getSnapshot ?? noUploads,
    noUploads,
  );
  const unfinished = entries.some(isUnfinished);

  useEffect(() => {
    if (!unfinished) {
      return;
    }
    function warn(event: BeforeUnloadEvent) {
      event.preventDefault();
      // Older browsers ask only when a return value is set.
      event.returnValue = "";
    }
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unfinished]);

  return (
    <UploadContext value={manager}>
      {children}
      {manager && entries.length > 0 && <UploadPanel manager={manager} entries={entries} />}
    </UploadContext>
  );
}
