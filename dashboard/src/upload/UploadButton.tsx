"use client";

import { useRef } from "react";
import formStyles from "@/ui/forms.module.css";

/**
 * "Upload": opens the browser's file picker (several files at once) and hands the chosen files
 * on. The keyboard's way to upload, beside dropping files on the folder.
 */
export function UploadButton({ onFiles }: { onFiles: (files: File[]) => void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className={formStyles.button} onClick={() => input.current?.click()}>
        Upload
      </button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        tabIndex={-1}
        aria-label="Files to upload"
        onChange={(event) => {
          const files = Array.from(event.currentTarget.files ?? []);
          // Choosing the same file again (after a cancel, or to resume) must fire again.
          event.currentTarget.value = "";
          if (files.length > 0) {
            onFiles(files);
          }
        }}
      />
    </>
  );
}
