import Link from "next/link";
import type { PathEntry } from "./api";
import styles from "./files.module.css";
import { folderHref, ROOT_NAME, type Sort } from "./routes";

interface BreadcrumbsProps {
  path: PathEntry[];
  current: string;
  /** The order the folders' pages list their contents in. */
  sort?: Sort;
}

/** The folders from the root down to the current folder or file, which ends the trail. */
export function Breadcrumbs({ path, current, sort }: BreadcrumbsProps) {
  return (
    <nav aria-label="Breadcrumb" className={styles.breadcrumbs}>
      <ol>
        {path.map((entry, index) => (
          <li key={entry.id}>
            <Link href={folderHref(index === 0 ? null : entry.id, sort)}>
              {index === 0 ? ROOT_NAME : entry.name}
            </Link>
          </li>
        ))}
        <li>
          <span aria-current="page">{current}</span>
        </li>
      </ol>
    </nav>
  );
}
