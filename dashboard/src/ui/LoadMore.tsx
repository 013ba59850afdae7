"use client";

import { FormAlert } from "./FormAlert";
import formStyles from "./forms.module.css";
import styles from "./LoadMore.module.css";
import type { PagedList } from "./usePagedList";

/** "Load more" under a paged list while the API has more pages, and why the last try failed. */
export function LoadMore<T>({ list, label = "Load more" }: { list: PagedList<T>; label?: string }) {
  if (list.status !== "loaded") {
    return null;
  }
  return (
    <>
      {list.moreError && <FormAlert error={list.moreError} formId="load-more" takeFocus={false} />}
      {list.nextCursor && (
        <div className={styles.more}>
          <button
            type="button"
            className={formStyles.secondary}
            onClick={list.loadMore}
            disabled={list.loadingMore}
          >
            {list.loadingMore ? "Loading…" : label}
          </button>
        </div>
      )}
    </>
  );
}
