import { queryOptions } from "@tanstack/react-query";
import type { components } from "@/api/generated/metadata-service";
import { api, publicApi, read } from "@/lib/client";

type Schemas = components["schemas"];

/** A public link to a file, as its owner sees it; `url` is the dashboard's page `/s/<token>`. */
export type ShareLink = Schemas["ShareLinkResponse"];
/** What anyone who has a working link sees of its file. */
export type SharedFile = Schemas["SharedFileResponse"];

/** The code of the answer for a link that does not work, whatever the reason. */
export const LINK_NOT_WORKING = "SHARE_LINK_NOT_FOUND";

/** A file's links, newest first, expired ones included. */
export function shareLinksQuery(fileId: string) {
  return queryOptions({
    queryKey: ["share-links", fileId],
    queryFn: async ({ signal }) => {
      const params = { path: { id: fileId } };
      return (await read(api.GET("/api/files/{id}/share-links", { params, signal }))).items;
    },
  });
}

/** Makes a link to a file, working until `expiresAt` (an ISO instant) or, for null, until revoked. */
export function createShareLink(fileId: string, expiresAt: string | null): Promise<ShareLink> {
  return read(
    api.POST("/api/files/{id}/share-links", {
      params: { path: { id: fileId } },
      body: expiresAt ? { expiresAt } : {},
    }),
  );
}

/** Ends a link at once. */
export async function revokeShareLink(linkId: string): Promise<void> {
  await api.DELETE("/api/share-links/{id}", { params: { path: { id: linkId } } });
}

/** The file a link shows; no account needed. */
export function sharedFileQuery(token: string) {
  return queryOptions({
    queryKey: ["shared", token],
    queryFn: ({ signal }) =>
      read(publicApi.GET("/api/shared/{token}", { params: { path: { token } }, signal })),
  });
}

/** A short-lived signed URL to the shared file's bytes; no account needed. */
export function getSharedDownloadUrl(token: string) {
  return read(publicApi.GET("/api/shared/{token}/download-url", { params: { path: { token } } }));
}
