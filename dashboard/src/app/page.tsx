import { Suspense } from "react";
import { AccountDeletedNotice } from "@/account/AccountDeletedNotice";
import { SystemStatusPanel } from "@/status/SystemStatusPanel";
import layout from "@/ui/layout.module.css";
import styles from "./page.module.css";

export default function HomePage() {
  return (
    <main className={layout.main}>
      <Suspense>
        <AccountDeletedNotice />
      </Suspense>
      <p className={styles.lead}>
        The file browser, uploads and sharing are not here yet; they will appear on this page. Until
        then it shows whether the Depot services answer.
      </p>
      <SystemStatusPanel />
    </main>
  );
}
