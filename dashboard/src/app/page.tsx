import { SystemStatusPanel } from "@/status/SystemStatusPanel";
import styles from "./page.module.css";

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

export default function HomePage() {
  return (
    <>
      <header className={styles.header}>
        <div className={styles.bar}>
          <Logo />
          <h1 className={styles.brand}>Depot</h1>
          <p className={styles.tagline}>Self-hosted file storage and streaming</p>
        </div>
      </header>
      <main className={styles.main}>
        <p className={styles.lead}>
          The file browser, uploads and sharing are not here yet; they will appear on this page.
          Until then it shows whether the Depot services answer.
        </p>
        <SystemStatusPanel />
      </main>
    </>
  );
}
