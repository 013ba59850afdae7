import { FileDetailsPage } from "@/files/FileDetailsPage";

export default async function Page({ params }: { params: Promise<{ fileId: string }> }) {
  const { fileId } = await params;
  return <FileDetailsPage fileId={fileId} />;
}
