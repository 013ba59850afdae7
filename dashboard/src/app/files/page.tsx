import { Suspense } from "react";
import { FolderPage } from "@/files/FolderPage";

export default function Page() {
  return (
    <Suspense>
      <FolderPage folderId={null} />
    </Suspense>
  );
}
