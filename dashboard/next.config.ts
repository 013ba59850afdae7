import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // `npm run build` produces .next/standalone/server.js; `npm start` runs it (PORT, default 3000).
  output: "standalone",
  poweredByHeader: false,
  reactStrictMode: true,
  // The Content-Security-Policy, with its per-request nonce, is set by src/proxy.ts.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          // Addresses hold secrets (share links, email links): never sent on as a Referer.
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

export default nextConfig;
