"use client";

import type { PagedList } from "@/lib/paging";
import { FormAlert } from "./FormAlert";
import { toFormError } from "./formError";
import formStyles from "./forms.module.css";
import styles from "./LoadMore.module.css";

/** "Load more" under a paged list while the API has more pages, and why the last try failed. */
export function LoadMore<T>({ list, label = "Load more" }: { list: PagedList<T>; label?: string }) {
  if (list.status === "pending") {
    return null;
  }
  return (
    <>
      {list.isFetchNextPageError && (
        <FormAlert error={toFormError(list.error)} formId="load-more" takeFocus={false} />
      )}
      {list.hasNextPage && (
        <div className={styles.more}>
          <button
            type="button"
            className={formStyles.secondary}
            onClick={() => void list.fetchNextPage()}
            disabled={list.isFetchingNextPage}
          >
            {list.isFetchingNextPage ? "Loading…" : label}
          </button>
        </div>
      )}
    </>
  );
}
