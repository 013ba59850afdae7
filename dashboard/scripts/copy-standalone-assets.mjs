// `output: "standalone"` leaves static assets out of .next/standalone on purpose (a CDN may serve
// them). Depot's standalone server serves them itself, so copy them next to server.js.
import { cpSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const standalone = join(root, ".next", "standalone");

if (!existsSync(join(standalone, "server.js"))) {
  console.error("copy-standalone-assets: .next/standalone/server.js is missing; run `next build`.");
  process.exit(1);
}

cpSync(join(root, ".next", "static"), join(standalone, ".next", "static"), { recursive: true });
if (existsSync(join(root, "public"))) {
  cpSync(join(root, "public"), join(standalone, "public"), { recursive: true });
}
console.log("copy-standalone-assets: static assets copied into .next/standalone");
