import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // `npm run build` produces .next/standalone/server.js; `npm start` runs it (PORT, default 3000).
  output: "standalone",
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
