import { Suspense } from "react";
import { AccountDeletedNotice } from "@/account/AccountDeletedNotice";
import { FilesWelcome } from "@/files/FilesWelcome";
import { SystemStatusPanel } from "@/status/SystemStatusPanel";
import layout from "@/ui/layout.module.css";

export default function HomePage() {
  return (
    <main className={layout.main}>
      <Suspense>
        <AccountDeletedNotice />
      </Suspense>
      <FilesWelcome />
      <SystemStatusPanel />
    </main>
  );
}
