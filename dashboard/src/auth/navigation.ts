/** Where to go after signing in when no (usable) `next` is given. */
export const AFTER_LOGIN = "/account";

/**
 * The `next` query parameter if it is a path on this site, else {@link AFTER_LOGIN}. Anything that
 * could leave the site (`//host`, `/\host`, `https://…`) is ignored.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) {
    return AFTER_LOGIN;
  }
  if ([...next].some((c) => c.charCodeAt(0) < 0x20)) {
    return AFTER_LOGIN;
  }
  return next;
}

/** The sign-in page, coming back to `here` afterwards. */
export function loginPath(here: string): string {
  return `/login?next=${encodeURIComponent(here)}`;
}
