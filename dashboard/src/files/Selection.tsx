"use client";

import { useEffect, useEffectEvent, type RefObject } from "react";
import formStyles from "@/ui/forms.module.css";
import type { Item } from "./api";
import styles from "./files.module.css";
import type { Selection } from "./useSelection";

/** The header of the column of checkboxes: selects every item listed, or none. */
export function SelectAllHeader({
  selection,
  ref,
}: {
  selection: Selection;
  ref: RefObject<HTMLInputElement | null>;
}) {
  const some = selection.ids.length > 0 && !selection.all;
  // "Some but not all" exists only as a property of the element, not as an attribute.
  useEffect(() => {
    if (ref.current) {
      ref.current.indeterminate = some;
    }
  }, [ref, some]);
  return (
    <th scope="col" className={styles.selectColumn}>
      <label className={styles.selectTarget}>
        <input
          ref={ref}
          type="checkbox"
          className={styles.selectBox}
          checked={selection.all}
          onChange={selection.toggleAll}
          aria-label="Select all on this page"
        />
      </label>
    </th>
  );
}

/** The checkbox of an item's row. */
export function SelectCell({ item, selection }: { item: Item; selection: Selection }) {
  return (
    <td className={styles.selectColumn}>
      <label className={styles.selectTarget}>
        <input
          type="checkbox"
          className={styles.selectBox}
          checked={selection.has(item.id)}
          onChange={() => selection.toggle(item.id)}
          aria-label={`Select ${item.name}`}
        />
      </label>
    </td>
  );
}

interface SelectionBarProps {
  count: number;
  /** Whether the zip of the selection is being asked for. */
  zipping: boolean;
  onZip: () => void;
  onClear: () => void;
  /** Where the focus goes when "Clear selection" takes the bar away. */
  focusAfter: RefObject<HTMLElement | null>;
}

/**
 * How many items are selected and what can be done with them, shown while there are any. It
 * follows the list and stays in sight at the bottom of the window while the list goes on below.
 * Escape clears the selection, unless a dialog or a menu is open to take it.
 */
export function SelectionBar({ count, zipping, onZip, onClear, focusAfter }: SelectionBarProps) {
  const escape = useEffectEvent((event: KeyboardEvent) => {
    if (
      event.key === "Escape" &&
      !event.defaultPrevented &&
      !document.querySelector("dialog[open], :popover-open")
    ) {
      onClear();
    }
  });
  useEffect(() => {
    document.addEventListener("keydown", escape);
    return () => document.removeEventListener("keydown", escape);
  }, []);

  return (
    <div role="group" aria-label="Selection" className={styles.selectionBar}>
      <p className={styles.selectionCount}>{count.toLocaleString("en")} selected</p>
      <div className={styles.toolbar}>
        <button
          type="button"
          className={`${formStyles.secondary} ${formStyles.small}`}
          onClick={onZip}
          disabled={zipping}
        >
          {zipping ? "Asking for the zip…" : "Download as zip"}
        </button>
        <button
          type="button"
          className={`${formStyles.secondary} ${formStyles.small}`}
          onClick={() => {
            onClear();
            focusAfter.current?.focus();
          }}
        >
          Clear selection
        </button>
      </div>
    </div>
  );
}
