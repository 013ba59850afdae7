import type { Metadata } from "next";
import { Suspense } from "react";
import { VerifyEmail } from "@/auth/VerifyEmail";
import layout from "@/ui/layout.module.css";

export const metadata: Metadata = { title: "Email verification" };

export default function Page() {
  return (
    <main className={layout.main}>
      <Suspense>
        <VerifyEmail />
      </Suspense>
    </main>
  );
}
