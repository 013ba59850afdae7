import type { Metadata } from "next";
import { SignupForm } from "@/auth/SignupForm";
import layout from "@/ui/layout.module.css";

export const metadata: Metadata = { title: "Create account" };

export default function Page() {
  return (
    <main className={layout.main}>
      <SignupForm />
    </main>
  );
}
