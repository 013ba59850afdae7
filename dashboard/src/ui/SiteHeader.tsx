"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { AccountMenu } from "@/auth/AccountMenu";
import { useAuth } from "@/auth/AuthProvider";
import styles from "./SiteHeader.module.css";

function Logo() {
  return (
    <svg className={styles.logo} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="var(--accent)" />
      <path
        d="M8 11.5 16 7l8 4.5v9L16 25l-8-4.5zM8 11.5 16 16l8-4.5M16 16v9"
        fill="none"
        stroke="#fff"
        strokeWidth="2.2"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/**
 * The bar on top of every page, with the way to the files for the signed-in user. The name is
 * the page's heading on the home page only.
 */
export function SiteHeader() {
  const pathname = usePathname();
  const home = pathname === "/";
  const signedIn = useAuth().state.status === "signed-in";
  return (
    <header className={styles.header}>
      <div className={styles.bar}>
        <Logo />
        {home ? (
          <h1 className={styles.brand}>Depot</h1>
        ) : (
          <p className={styles.brand}>
            <Link href="/" className={styles.home}>
              Depot
            </Link>
          </p>
        )}
        <p className={styles.tagline}>Self-hosted file storage and streaming</p>
        {signedIn && (
          <nav aria-label="Main" className={styles.nav}>
            <Link
              href="/files"
              className={styles.navLink}
              aria-current={pathname === "/files" ? "page" : undefined}
            >
              Files
            </Link>
          </nav>
        )}
        <AccountMenu />
      </div>
    </header>
  );
}
