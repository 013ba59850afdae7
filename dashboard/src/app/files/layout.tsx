import { FilesShell } from "@/files/FilesShell";
import layout from "@/ui/layout.module.css";

export default function FilesLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  return (
    <main className={layout.main}>
      <FilesShell>{children}</FilesShell>
    </main>
  );
}
