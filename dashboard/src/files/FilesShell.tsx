"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Suspense, useRef, type FormEvent, type ReactNode } from "react";
import { RequireAuth } from "@/auth/RequireAuth";
import formStyles from "@/ui/forms.module.css";
import { SEARCH_TYPES, type SearchType } from "./api";
import styles from "./files.module.css";
import { ACTIVITY_HREF, folderHref, SEARCH_PATH, searchHref, TRASH_HREF } from "./routes";
import { UsagePanel } from "./Usage";

/**
 * The frame of the file pages, for the signed-in user: a sidebar with the search box, the
 * links between the file pages and the storage usage, beside the page itself.
 */
export function FilesShell({ children }: { children: ReactNode }) {
  return (
    <RequireAuth>
      {() => (
        <div className={styles.shell}>
          <div className={styles.sidebar}>
            <Suspense>
              <SearchBox />
            </Suspense>
            <FilesNav />
            <UsagePanel />
          </div>
          <div className={styles.content}>{children}</div>
        </div>
      )}
    </RequireAuth>
  );
}

/** The links between the file pages, each marked while the user is on one of its pages. */
const LINKS: { href: string; label: string; covers: (pathname: string) => boolean }[] = [
  {
    href: folderHref(null),
    label: "My files",
    covers: (p) => p === "/files" || p.startsWith("/files/folder/") || p.startsWith("/files/file/"),
  },
  { href: TRASH_HREF, label: "Trash", covers: (p) => p === TRASH_HREF },
  { href: ACTIVITY_HREF, label: "Activity", covers: (p) => p === ACTIVITY_HREF },
];

function FilesNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Files" className={styles.nav}>
      <ul>
        {LINKS.map(({ href, label, covers }) => (
          <li key={href}>
            <Link
              href={href}
              className={covers(pathname) ? styles.navActive : undefined}
              aria-current={pathname === href ? "page" : undefined}
            >
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function SearchBox() {
  const router = useRouter();
  const onSearchPage = usePathname() === SEARCH_PATH;
  const params = useSearchParams();
  const q = onSearchPage ? (params.get("q") ?? "") : "";
  const type = params.get("type");
  const input = useRef<HTMLInputElement>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = input.current?.value.trim() ?? "";
    if (!text) {
      input.current?.focus();
      return;
    }
    const keptType =
      onSearchPage && SEARCH_TYPES.includes(type as SearchType) ? (type as SearchType) : null;
    router.push(searchHref(text, keptType));
  }

  return (
    <form role="search" aria-label="Search your files" className={styles.search} onSubmit={submit}>
      <label htmlFor="files-search" className={styles.srOnly}>
        Search by name
      </label>
      <input
        key={q}
        ref={input}
        id="files-search"
        name="q"
        type="search"
        defaultValue={q}
        placeholder="Search files"
        autoComplete="off"
        maxLength={200}
        className={formStyles.input}
      />
      <button type="submit" className={`${formStyles.secondary} ${formStyles.small}`}>
        Search
      </button>
    </form>
  );
}
