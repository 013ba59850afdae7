"use client";

import { createContext, use } from "react";
import type { Archive } from "./api";

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

/** The archive actions of the signed-in account (ArchiveProvider); null while signed out. */
export const ArchiveContext = createContext<ArchiveActions | null>(null);

/** The archive actions of the signed-in account; null while signed out. */
export function useArchives(): ArchiveActions | null {
  return use(ArchiveContext);
}
