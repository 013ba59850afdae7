"use client";

import { useState } from "react";

/** What `useSelection` returns. */
export interface Selection {
  /** The ids of the items selected, in the order they are listed. */
  ids: string[];
  /** Whether every item listed is selected (false when none is listed). */
  all: boolean;
  has(id: string): boolean;
  toggle(id: string): void;
  /** Selects every item listed, or none when they all are already. */
  toggleAll(): void;
  clear(): void;
}

/**
 * The items chosen among those listed. Only items still listed count: one moved to the trash or
 * renamed away from the list leaves the selection by itself.
 */
export function useSelection(listed: readonly { id: string }[]): Selection {
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set());
  const ids = listed.filter((item) => chosen.has(item.id)).map((item) => item.id);
  const all = listed.length > 0 && ids.length === listed.length;

  function toggle(id: string) {
    setChosen((before) => {
      const after = new Set(before);
      if (!after.delete(id)) {
        after.add(id);
      }
      return after;
    });
  }

  return {
    ids,
    all,
    has: (id) => chosen.has(id),
    toggle,
    toggleAll: () => setChosen(new Set(all ? [] : listed.map((item) => item.id))),
    clear: () => setChosen(new Set()),
  };
}
