import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { ArchiveProvider } from "@/archive/ArchiveProvider";
import { AuthProvider } from "@/auth/AuthProvider";
import { SiteHeader } from "@/ui/SiteHeader";
import { UploadProvider } from "@/upload/UploadProvider";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Depot", template: "%s · Depot" },
  description: "Self-hosted file storage and streaming",
};

export const viewport: Viewport = {
  colorScheme: "light dark",
};

export default async function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  // Rendered per request: the scripts of a page carry the nonce of its Content-Security-Policy
  // (src/proxy.ts), which a page built ahead of time could not know.
  await connection();
  return (
    <html lang="en">
      <body>
        <AuthProvider>
          <UploadProvider>
            <ArchiveProvider>
              <SiteHeader />
              {children}
            </ArchiveProvider>
          </UploadProvider>
        </AuthProvider>
      </body>
    </html>
  );
}
