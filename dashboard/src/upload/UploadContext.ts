"use client";

import { createContext, use, useEffect, useRef } from "react";
import type { UploadChangeListener, UploadManager } from "./UploadManager";

/** The uploads of the signed-in account (UploadProvider); null while nobody is signed in. */
export const UploadContext = createContext<UploadManager | null>(null);

/** The uploads of the signed-in account; null while nobody is signed in. */
export function useUploadManager(): UploadManager | null {
  return use(UploadContext);
}

/**
 * Calls `listener` when an upload reserves space, stores its bytes, is listed, fails or is
 * canceled: the pages that show those follow.
 */
export function useUploadChanges(listener: UploadChangeListener): void {
  const manager = useUploadManager();
  const latest = useRef(listener);

  useEffect(() => {
    latest.current = listener;
  });

  useEffect(() => manager?.onChange((entry, change) => latest.current(entry, change)), [manager]);
}
