import type { Item } from "./api";
import styles from "./files.module.css";

type Family = "folder" | "image" | "video" | "audio" | "text" | "document" | "file";

const LABELS: Record<Family, string> = {
  folder: "Folder",
  image: "Image",
  video: "Video",
  audio: "Audio",
  text: "Text file",
  document: "Document",
  file: "File",
};

/** What a file's MIME type says it is, in the families search filters by. */
export function familyOf(item: Pick<Item, "kind" | "mimeType">): Family {
  if (item.kind === "folder") {
    return "folder";
  }
  const type = item.mimeType?.toLowerCase() ?? "";
  if (type.startsWith("image/")) {
    return "image";
  }
  if (type.startsWith("video/")) {
    return "video";
  }
  if (type.startsWith("audio/")) {
    return "audio";
  }
  if (type.startsWith("text/")) {
    return "text";
  }
  if (
    type === "application/pdf" ||
    type === "application/rtf" ||
    type.includes("msword") ||
    type.includes("officedocument") ||
    type.includes("opendocument") ||
    type.includes("ms-excel") ||
    type.includes("ms-powerpoint")
  ) {
    return "document";
  }
  return "file";
}

/** "Folder", "Image", "File"…: the kind of an item in words. */
export function kindLabel(item: Pick<Item, "kind" | "mimeType">): string {
  return LABELS[familyOf(item)];
}

const FOLDER =
  "M3 6.5A1.5 1.5 0 0 1 4.5 5h4.3l2 2h8.7A1.5 1.5 0 0 1 21 8.5v9a1.5 1.5 0 0 1-1.5 1.5h-15A1.5 1.5 0 0 1 3 17.5z";
const PAGE = "M6 3h8l4 4v13a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1zM14 3v4h4";

const MARKS: Record<Exclude<Family, "folder">, string> = {
  image: "M8 17l2.5-3 2 2 2.5-3.5L17 17z",
  video: "M10 11.5v5l4-2.5z",
  audio: "M10 17.5a1.5 1.5 0 1 1-1.5-1.5H10V11l4-1v5.5a1.5 1.5 0 1 1-1.5-1.5H14",
  text: "M8 12h8M8 15h8M8 18h5",
  document: "M8 11h8M8 14h8M8 17h8",
  file: "",
};

interface ItemIconProps {
  item: Pick<Item, "kind" | "mimeType">;
  /** Hidden from screen readers, where the text around it says what the item is. */
  decorative?: boolean;
}

/** A folder or file symbol (the file's by its type), named for screen readers. */
export function ItemIcon({ item, decorative = false }: ItemIconProps) {
  const family = familyOf(item);
  return (
    <svg
      className={family === "folder" ? styles.folderIcon : styles.fileIcon}
      viewBox="0 0 24 24"
      {...(decorative ? { "aria-hidden": true } : { role: "img", "aria-label": LABELS[family] })}
      focusable="false"
    >
      {family === "folder" ? (
        <path d={FOLDER} />
      ) : (
        <>
          <path d={PAGE} />
          {MARKS[family] && <path d={MARKS[family]} />}
        </>
      )}
    </svg>
  );
}
