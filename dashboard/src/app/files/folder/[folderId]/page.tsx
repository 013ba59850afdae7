import { Suspense } from "react";
import { FolderPage } from "@/files/FolderPage";

export default async function Page({ params }: { params: Promise<{ folderId: string }> }) {
  const { folderId } = await params;
  return (
    <Suspense>
      <FolderPage folderId={folderId} />
    </Suspense>
  );
}
