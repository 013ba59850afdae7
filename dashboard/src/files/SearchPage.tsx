"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useRouter, useSearchParams } from "next/navigation";
import { listedItems } from "@/lib/paging";
import formStyles from "@/ui/forms.module.css";
import { searchQuery, SEARCH_TYPES, type SearchType } from "./api";
import styles from "./files.module.css";
import { kindLabel } from "./ItemIcon";
import { DateCell, NameCell, PagedTable, SizeCell, SizeHeader } from "./PagedTable";
import { PageTitle } from "./PageTitle";
import { itemHref, searchHref } from "./routes";
import { useListedProcessing } from "./useProcessingUpdates";

const TYPE_LABELS: Record<SearchType, string> = {
  folder: "Folders",
  file: "Files",
  image: "Images",
  video: "Videos",
  audio: "Audio",
  text: "Text files",
  document: "Documents",
};

/** `/files/search?q=…&type=…`: folders and files by name, best matches first. */
export function SearchPage() {
  const router = useRouter();
  const params = useSearchParams();
  const q = (params.get("q") ?? "").trim();
  const typeParam = params.get("type");
  const type = SEARCH_TYPES.includes(typeParam as SearchType) ? (typeParam as SearchType) : null;

  return (
    <div className={styles.page}>
      <PageTitle title={q ? `Results for “${q}”` : "Search"}>
        <label htmlFor="search-type" className={formStyles.label}>
          Type
        </label>
        <select
          id="search-type"
          className={`${formStyles.input} ${styles.select}`}
          value={type ?? ""}
          onChange={(event) =>
            router.replace(searchHref(q, (event.target.value || null) as SearchType | null))
          }
        >
          <option value="">Any</option>
          {SEARCH_TYPES.map((t) => (
            <option key={t} value={t}>
              {TYPE_LABELS[t]}
            </option>
          ))}
        </select>
      </PageTitle>
      {q ? (
        <SearchResults q={q} type={type} />
      ) : (
        <div className={styles.empty}>
          <p>Type a name in the search box to find your folders and files.</p>
        </div>
      )}
    </div>
  );
}

function SearchResults({ q, type }: { q: string; type: SearchType | null }) {
  const search = searchQuery(q, type);
  const results = useInfiniteQuery(search);
  useListedProcessing(results, search.queryKey);
  const filter = type ? ` among ${TYPE_LABELS[type].toLowerCase()}` : "";
  const found = listedItems(results);

  return (
    <>
      <p role="status" className={styles.muted}>
        {results.status === "pending" && "Searching…"}
        {results.status === "success" &&
          (found.length === 0
            ? `Nothing matches “${q}”${filter}.`
            : `${found.length}${results.hasNextPage ? "+" : ""} ${
                found.length === 1 && !results.hasNextPage ? "match" : "matches"
              }${filter}.`)}
      </p>
      <PagedTable
        list={results}
        what="The results"
        label="Search results"
        columns={
          <>
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            <SizeHeader />
            <th scope="col">Modified</th>
          </>
        }
        cells={(item) => (
          <>
            <NameCell item={item} href={itemHref(item)} />
            <td className={styles.kind}>{kindLabel(item)}</td>
            <SizeCell item={item} />
            <DateCell at={item.modifiedAt} />
          </>
        )}
      />
    </>
  );
}
