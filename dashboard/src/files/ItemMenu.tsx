"use client";

import { useId, useRef, type ToggleEvent } from "react";
import type { Item } from "./api";
import styles from "./files.module.css";

export type ItemAction = "download" | "zip" | "share" | "rename" | "move" | "copy" | "trash";

/** Each action, and whether it concerns only files or only folders. */
const ACTIONS: { action: ItemAction; label: string; files?: boolean; folders?: boolean }[] = [
  { action: "download", label: "Download", files: true },
  { action: "zip", label: "Download as zip", folders: true },
  { action: "share", label: "Share link…", files: true },
  { action: "rename", label: "Rename…" },
  { action: "move", label: "Move…" },
  { action: "copy", label: "Copy…", files: true },
  { action: "trash", label: "Move to trash" },
];

interface ItemMenuProps {
  item: Item;
  disabled?: boolean;
  onAction: (action: ItemAction, item: Item) => void;
}

/**
 * The "⋯" button of a row and the actions it opens. The list is a popover: Escape or a click
 * elsewhere closes it, and choosing an action gives the focus back to the button first, so that
 * a dialog the action opens returns it there too.
 */
export function ItemMenu({ item, disabled = false, onAction }: ItemMenuProps) {
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  function place(event: ToggleEvent<HTMLDivElement>) {
    const anchor = button.current?.getBoundingClientRect();
    if (event.newState !== "open" || !anchor) {
      return;
    }
    // The popover sits in the top layer, positioned against the page, right-aligned below the
    // button.
    const style = event.currentTarget.style;
    style.top = `${anchor.bottom + window.scrollY + 4}px`;
    style.right = `${document.documentElement.clientWidth - anchor.right - window.scrollX}px`;
  }

  function choose(action: ItemAction) {
    menu.current?.hidePopover();
    button.current?.focus();
    onAction(action, item);
  }

  return (
    <>
      <button
        ref={button}
        type="button"
        className={styles.menuButton}
        popoverTarget={id}
        aria-label={`Actions for ${item.name}`}
        disabled={disabled}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <circle cx="5" cy="12" r="2" />
          <circle cx="12" cy="12" r="2" />
          <circle cx="19" cy="12" r="2" />
        </svg>
      </button>
      <div
        ref={menu}
        id={id}
        popover="auto"
        className={styles.menu}
        onBeforeToggle={place}
        role="group"
        aria-label={`Actions for ${item.name}`}
      >
        {ACTIONS.filter(
          ({ files, folders }) =>
            (!files || item.kind === "file") && (!folders || item.kind === "folder"),
        ).map(({ action, label }) => (
          <button
            key={action}
            type="button"
            className={action === "trash" ? styles.menuDanger : styles.menuItem}
            onClick={() => choose(action)}
          >
            {label}
          </button>
        ))}
      </div>
    </>
  );
}
