import Link from "next/link";
import type { ReactNode } from "react";
import { listedItems, type PagedList } from "@/lib/paging";
import { formatBytes, formatDateTime } from "@/ui/format";
import { LoadError } from "@/ui/LoadError";
import { LoadMore } from "@/ui/LoadMore";
import type { Item } from "./api";
import styles from "./files.module.css";
import { ItemIcon } from "./ItemIcon";
import { ProcessingBadge } from "./ProcessingBadge";

interface PagedTableProps<T> {
  list: PagedList<T>;
  /** Said while the first page loads; nothing when the page says it elsewhere. */
  loading?: string;
  /** What could not be loaded, as the start of a sentence: "The trash". */
  what: string;
  /** Shown in place of the table when the list is empty; nothing when the page says it elsewhere. */
  empty?: ReactNode;
  /** The table's accessible name, when it has no `caption`. */
  label?: string;
  /** A `<caption>` that names the table. */
  caption?: ReactNode;
  /** A class for the table besides the look all lists share. */
  className?: string;
  /** The column headers. */
  columns: ReactNode;
  /** The cells of an item's row. */
  cells: (item: T) => ReactNode;
}

/**
 * A list loaded page by page, as a table with "Load more" under it; while it loads, when it is
 * empty, or why it could not be loaded.
 */
export function PagedTable<T extends { id: string }>({
  list,
  loading,
  what,
  empty,
  label,
  caption,
  className,
  columns,
  cells,
}: PagedTableProps<T>) {
  if (list.status === "pending") {
    return loading ? (
      <p role="status" className={styles.muted}>
        {loading}
      </p>
    ) : null;
  }
  if (list.status === "error" && !list.isFetchNextPageError) {
    return <LoadError what={what} error={list.error} onRetry={() => void list.refetch()} />;
  }
  const items = listedItems(list);
  if (items.length === 0) {
    return empty ? <div className={styles.empty}>{empty}</div> : null;
  }
  return (
    <>
      <div className={styles.tableScroll}>
        <table
          className={className ? `${styles.table} ${className}` : styles.table}
          aria-label={label}
        >
          {caption}
          <thead>
            <tr>{columns}</tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>{cells(item)}</tr>
            ))}
          </tbody>
        </table>
      </div>
      <LoadMore list={list} />
    </>
  );
}

/** An item's icon and name, a link to it when there is `href`, and how its processing went. */
export function NameCell({ item, href }: { item: Item; href?: string }) {
  return (
    <td>
      <span className={styles.nameCell}>
        <ItemIcon item={item} />
        {href ? (
          <Link href={href} className={styles.name}>
            {item.name}
          </Link>
        ) : (
          <span className={styles.name}>{item.name}</span>
        )}
        <ProcessingBadge status={item.status} />
      </span>
    </td>
  );
}

/** The header of a column of sizes. */
export function SizeHeader() {
  return (
    <th scope="col" className={styles.numberHead}>
      Size
    </th>
  );
}

/** A file's size; for a folder, which has none of its own, `folder` (nothing unless given). */
export function SizeCell({ item, folder }: { item: Item; folder?: ReactNode }) {
  return (
    <td className={styles.number}>{item.kind === "file" ? formatBytes(item.size) : folder}</td>
  );
}

/** When something happened; an empty cell when it did not. */
export function DateCell({ at }: { at: string | null }) {
  return <td className={styles.date}>{at && <time dateTime={at}>{formatDateTime(at)}</time>}</td>;
}
