"use client";

import { useEffect, useRef, useState, type DragEvent, type ReactNode } from "react";
import styles from "./upload.module.css";

function carriesFiles(event: DragEvent | globalThis.DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes("Files");
}

/** The files dropped, and the names of the folders among them, which cannot be uploaded. */
function droppedFiles(data: DataTransfer): { files: File[]; folders: string[] } {
  const items = Array.from(data.items ?? []).filter((item) => item.kind === "file");
  if (items.length === 0) {
    return { files: Array.from(data.files), folders: [] };
  }
  const files: File[] = [];
  const folders: string[] = [];
  for (const item of items) {
    const entry = item.webkitGetAsEntry?.();
    const file = item.getAsFile();
    if (entry?.isDirectory) {
      folders.push(entry.name);
    } else if (file) {
      files.push(file);
    }
  }
  return { files, folders };
}

interface DropZoneProps {
  /** The folder the files go to, named in the highlight. */
  folderName: string;
  className?: string;
  onDrop: (files: File[], folders: string[]) => void;
  children: ReactNode;
}

/**
 * An area that takes files dragged from the desktop, highlighted while files are over it. It is a
 * mouse's shortcut: the "Upload" button does the same from the keyboard.
 */
export function DropZone({ folderName, className = "", onDrop, children }: DropZoneProps) {
  const [over, setOver] = useState(false);
  // dragenter and dragleave fire for every child crossed: count them to know when it is left.
  const depth = useRef(0);

  useEffect(() => {
    // A file dropped beside the zone would make the browser leave the page to show the file.
    function ignore(event: globalThis.DragEvent) {
      if (carriesFiles(event)) {
        event.preventDefault();
      }
    }
    window.addEventListener("dragover", ignore);
    window.addEventListener("drop", ignore);
    return () => {
      window.removeEventListener("dragover", ignore);
      window.removeEventListener("drop", ignore);
    };
  }, []);

  return (
    <div
      className={`${over ? styles.dropping : styles.dropZone} ${className}`}
      onDragEnter={(event) => {
        if (carriesFiles(event)) {
          event.preventDefault();
          depth.current += 1;
          setOver(true);
        }
      }}
      onDragOver={(event) => {
        if (carriesFiles(event)) {
          event.preventDefault();
          event.dataTransfer.dropEffect = "copy";
        }
      }}
      onDragLeave={(event) => {
        if (carriesFiles(event)) {
          depth.current = Math.max(0, depth.current - 1);
          if (depth.current === 0) {
            setOver(false);
          }
        }
      }}
      onDrop={(event) => {
        if (!carriesFiles(event)) {
          return;
        }
        event.preventDefault();
        depth.current = 0;
        setOver(false);
        const { files, folders } = droppedFiles(event.dataTransfer);
        if (files.length > 0 || folders.length > 0) {
          onDrop(files, folders);
        }
      }}
    >
      {children}
      {over && <div className={styles.dropHint}>Drop files to upload them to “{folderName}”</div>}
    </div>
  );
}
