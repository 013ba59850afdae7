import type { Metadata } from "next";
import { ForgotPasswordForm } from "@/auth/ForgotPasswordForm";
import layout from "@/ui/layout.module.css";

export const metadata: Metadata = { title: "Forgot password" };

export default function Page() {
  return (
    <main className={layout.main}>
      <ForgotPasswordForm />
    </main>
  );
}
