import { getDownloadUrl } from "./api";

/**
 * Downloads a file: asks for a short-lived signed URL, then goes there. The answer names the
 * file as an attachment, so the browser saves it and the page stays.
 */
export async function downloadFile(fileId: string, versionId?: string): Promise<void> {
  const { url } = await getDownloadUrl(fileId, versionId);
  window.location.assign(url);
}
