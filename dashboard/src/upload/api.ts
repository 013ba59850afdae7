import { apiFetch } from "@/lib/client";
import type { OnConflict } from "@/files/api";

/** What to do when the name is taken; `newVersion` adds the bytes as a version of that file. */
export type UploadOnConflict = OnConflict | "newVersion";

export interface StartUploadInput {
  /** The folder to upload into; absent for the root folder. */
  folderId?: string;
  name: string;
  size: number;
  mimeType: string;
  onConflict: UploadOnConflict;
}

/** Where and how to send the bytes: with tus to `uploadUrl`, presenting `ticket`. */
export interface StartedUpload {
  fileId: string;
  versionId: string;
  versionNumber: number;
  /** The name the file gets, " (1)" added when the user chose to keep both. */
  name: string;
  folderId: string;
  uploadUrl: string;
  ticket: string;
  maxBytes: number;
  expiresAt: string;
}

/**
 * `POST /api/files`: reserves the space and the name for a file (or a new version of the file of
 * that name, under `newVersion`) and answers where to send its bytes.
 */
export function startUpload(input: StartUploadInput): Promise<StartedUpload> {
  return apiFetch<StartedUpload>("/api/files", { method: "POST", auth: true, json: input });
}
