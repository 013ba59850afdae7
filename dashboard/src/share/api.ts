import { apiFetch } from "@/lib/client";

/** A public link to a file, as its owner sees it. */
export interface ShareLink {
  id: string;
  fileId: string;
  /** The secret part of the link's address. */
  token: string;
  /** The dashboard's page that shows the file to anyone who has the link (`/s/<token>`). */
  url: string;
  createdAt: string;
  /** When the link stops working; null: until it is revoked. */
  expiresAt: string | null;
  expired: boolean;
  /** How many download URLs the link handed out. */
  downloads: number;
  lastUsedAt: string | null;
}

/** What anyone who has a working link sees of its file. */
export interface SharedFile {
  name: string;
  size: number;
  mimeType: string | null;
  modifiedAt: string;
  /** When the link stops working; null: until it is revoked. */
  expiresAt: string | null;
}

export interface SharedDownloadUrl {
  url: string;
  expiresAt: string;
}

/** The code of the answer for a link that does not work, whatever the reason. */
export const LINK_NOT_WORKING = "SHARE_LINK_NOT_FOUND";

const id = encodeURIComponent;

/** A file's links, newest first, expired ones included. */
export async function listShareLinks(fileId: string, signal?: AbortSignal): Promise<ShareLink[]> {
  const { items } = await apiFetch<{ items: ShareLink[] }>(`/api/files/${id(fileId)}/share-links`, {
    auth: true,
    signal,
  });
  return items;
}

/** Makes a link to a file, working until `expiresAt` (an ISO instant) or, for null, until revoked. */
export function createShareLink(fileId: string, expiresAt: string | null): Promise<ShareLink> {
  return apiFetch<ShareLink>(`/api/files/${id(fileId)}/share-links`, {
    method: "POST",
    auth: true,
    json: expiresAt ? { expiresAt } : {},
  });
}

/** Ends a link at once. */
export function revokeShareLink(linkId: string): Promise<void> {
  return apiFetch<void>(`/api/share-links/${id(linkId)}`, { method: "DELETE", auth: true });
}

/** The file a link shows; no account needed. */
export function getSharedFile(token: string, signal?: AbortSignal): Promise<SharedFile> {
  return apiFetch<SharedFile>(`/api/shared/${id(token)}`, { signal });
}

/** A short-lived signed URL to the shared file's bytes; no account needed. */
export function getSharedDownloadUrl(token: string): Promise<SharedDownloadUrl> {
  return apiFetch<SharedDownloadUrl>(`/api/shared/${id(token)}/download-url`);
}
