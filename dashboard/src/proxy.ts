import { NextResponse, type NextRequest } from "next/server";
import { apiBaseUrl } from "@/lib/client";
import { contentSecurityPolicy, dataOrigins } from "@/lib/securityHeaders";

/**
 * Gives every page a fresh nonce and the Content-Security-Policy that names it. Next.js reads the
 * nonce from the request's policy and puts it on the scripts it renders, so pages are rendered
 * per request (the root layout waits for the connection).
 */
export function proxy(request: NextRequest): NextResponse {
  const nonce = btoa(crypto.randomUUID());
  const policy = contentSecurityPolicy(
    nonce,
    // DEPOT_PUBLIC_URL is read when the server runs; the API's URL is the bundle's.
    dataOrigins(apiBaseUrl, process.env.DEPOT_PUBLIC_URL),
    process.env.NODE_ENV === "development",
  );
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: static files carry no scripts to allow.
      source: "/((?!_next/static|_next/image|icon.svg|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
