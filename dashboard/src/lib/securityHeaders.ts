/**
 * The Content-Security-Policy of the dashboard's pages: scripts only from this origin or with the
 * page's nonce, requests only to this origin, the API and the data plane, and no framing.
 */

/** The origin of a URL, or null when it is not an absolute http(s) URL. */
function originOf(url: string): string | null {
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.origin : null;
  } catch {
    return null;
  }
}

/**
 * The origins the dashboard talks to besides its own: the API (`apiUrl`, the one its bundle was
 * built for) and where signed upload and download URLs point (`publicUrls`, comma- or
 * space-separated; the API when empty).
 */
export function dataOrigins(apiUrl: string, publicUrls: string | undefined): string[] {
  const origins = [apiUrl, ...(publicUrls ?? "").split(/[\s,]+/)]
    .filter((url) => url.trim() !== "")
    .map(originOf)
    .filter((origin): origin is string => origin !== null);
  return [...new Set(origins)];
}

export function contentSecurityPolicy(
  nonce: string,
  origins: string[],
  development = false,
): string {
  const data = origins.join(" ");
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic': scripts the nonced ones load run too; React needs eval in development.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    // Progress bars and meters set their width in a style attribute.
    "style-src-attr 'unsafe-inline'",
    `img-src 'self' blob: data: ${data}`,
    `media-src 'self' blob: ${data}`,
    "font-src 'self'",
    `connect-src 'self' ${data}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  return directives.join("; ");
}
