import type { Metadata, Viewport } from "next";
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

export default function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
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
