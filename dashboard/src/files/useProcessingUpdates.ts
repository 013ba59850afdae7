"use client";

import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { changeListed, listedItems, type PagedList } from "@/lib/paging";
import { useLiveEvents } from "@/lib/useLiveEvents";
import {
  applyFileChange,
  fileStateOf,
  getFile,
  readFileChange,
  type FileChange,
  type Item,
} from "./api";

/** How often processing files are read again while the live events do not come. */
const POLL_MS = 3000;
/** The most processing files read again at once; the others wait for their events. */
const MAX_READS = 20;

/**
 * Keeps the "Processing…" of the files shown moving without a reload. While any of them is
 * processing, the live event stream tells when each settles (`file` events, applied through
 * `apply`); when the stream opens, and every few seconds while it cannot, the processing files
 * are read again, since nothing sent meanwhile comes again.
 */
export function useProcessingUpdates(
  files: readonly Item[],
  apply: (change: FileChange) => void,
): void {
  const processing = files.filter((f) => f.kind === "file" && f.status === "processing");

  async function catchUp(signal: AbortSignal) {
    for (const shown of processing.slice(0, MAX_READS)) {
      try {
        const change = fileStateOf((await getFile(shown.id, signal)).file);
        if (change) {
          apply(change);
        }
      } catch {
        // Gone, or out of reach for now: the next event or round tells.
      }
      if (signal.aborted) {
        return;
      }
    }
  }

  useLiveEvents(processing.length > 0, {
    onEvent(event) {
      const change = event.event === "file" ? readFileChange(event.data) : null;
      if (change) {
        apply(change);
      }
    },
    catchUp,
    pollMs: POLL_MS,
  });
}

/**
 * The same for the files of the list cached as `queryKey`: a change, which says the file's new
 * state, is applied to the loaded pages in place.
 */
export function useListedProcessing(list: PagedList<Item>, queryKey: QueryKey): void {
  const queryClient = useQueryClient();
  useProcessingUpdates(listedItems(list), (change) =>
    changeListed<Item>(queryClient, queryKey, (items) =>
      items.map((item) => applyFileChange(item, change)),
    ),
  );
}
