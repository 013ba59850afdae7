import type { UseQueryResult } from "@tanstack/react-query";
import Link from "next/link";
import type { ReactNode } from "react";
import { ApiError } from "@/lib/client";
import { LoadError } from "@/ui/LoadError";
import styles from "./files.module.css";
import { folderHref, TRASH_HREF } from "./routes";

type ItemKind = "folder" | "file";

/**
 * Whether loading one folder or file failed because there is no such item: the API answers 404
 * (also for items of others, which are not told apart), and 400 for an id that is malformed.
 */
function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || error.status === 400);
}

/** The page of a folder or file that does not exist (any more). */
function NotFound({ kind }: { kind: ItemKind }) {
  return (
    <div className={styles.page}>
      <h1 className={styles.title}>{kind === "folder" ? "Folder not found" : "File not found"}</h1>
      <div className={styles.empty}>
        <p>
          This {kind} does not exist, or it was deleted. Items you delete stay in the trash for a
          while, from where you can restore them.
        </p>
        <p className={styles.emptyLinks}>
          <Link href={folderHref(null)}>Go to My files</Link>
          <Link href={TRASH_HREF}>Open the trash</Link>
        </p>
      </div>
    </div>
  );
}

interface ItemLoaderProps<T> {
  kind: ItemKind;
  query: UseQueryResult<T>;
  /** The page's title when the item could not be loaded to name it. */
  title: string;
  /** The page of the loaded item. */
  children: (data: T) => ReactNode;
}

/** The page of a folder or file: while it loads, when there is no such item, or why it failed. */
export function ItemLoader<T>({ kind, query, title, children }: ItemLoaderProps<T>) {
  if (query.status === "pending") {
    return (
      <p role="status" className={styles.muted}>
        {`Loading ${kind}…`}
      </p>
    );
  }
  if (query.status === "error") {
    return isNotFound(query.error) ? (
      <NotFound kind={kind} />
    ) : (
      <div className={styles.page}>
        <h1 className={styles.title}>{title}</h1>
        <LoadError what={`This ${kind}`} error={query.error} onRetry={() => query.refetch()} />
      </div>
    );
  }
  return children(query.data);
}
