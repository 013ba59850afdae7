import type { Metadata } from "next";
import { AccountPage } from "@/account/AccountPage";
import layout from "@/ui/layout.module.css";

export const metadata: Metadata = { title: "Your account" };

export default function Page() {
  return (
    <main className={layout.main}>
      <AccountPage />
    </main>
  );
}
