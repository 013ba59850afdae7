import type { Metadata } from "next";
import { Suspense } from "react";
import { LoginForm } from "@/auth/LoginForm";
import layout from "@/ui/layout.module.css";

export const metadata: Metadata = { title: "Sign in" };

export default function Page() {
  return (
    <main className={layout.main}>
      <Suspense>
        <LoginForm />
      </Suspense>
    </main>
  );
}
