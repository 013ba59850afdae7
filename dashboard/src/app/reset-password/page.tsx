import type { Metadata } from "next";
import { Suspense } from "react";
import { ResetPasswordForm } from "@/auth/ResetPasswordForm";
import layout from "@/ui/layout.module.css";

export const metadata: Metadata = { title: "New password" };

export default function Page() {
  return (
    <main className={layout.main}>
      <Suspense>
        <ResetPasswordForm />
      </Suspense>
    </main>
  );
}
