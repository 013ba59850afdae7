import type { components } from "@/api/generated/metadata-service";
import { api, read } from "@/lib/client";

type Schemas = components["schemas"];

/** What to do when the name is taken; `newVersion` adds the bytes as a version of that file. */
export type UploadOnConflict = NonNullable<Schemas["StartUploadRequest"]["onConflict"]>;

/**
 * Where and how to send the bytes: with tus to `uploadUrl`, presenting `ticket`. `name` is the
 * name the file gets, " (1)" added when the user chose to keep both.
 */
export type StartedUpload = Schemas["UploadResponse"];

/**
 * `POST /api/files`: reserves the space and the name for a file (or a new version of the file of
 * that name, under `newVersion`) and answers where to send its bytes.
 */
export function startUpload(input: Schemas["StartUploadRequest"]): Promise<StartedUpload> {
  return read(api.POST("/api/files", { body: input }));
}
