// The last step of `npm run build`: copies the HTML that `next build` prerendered for the pages in
// lib/published-pages.js into public/_prerendered/, where next.config.js's rewrites serve it as files.
// It records which build the copies came from, so that `npm start` can tell when they are stale
// (after a bare `next build`, say) and publish again.
import fs from "node:fs";
import path from "node:path";
import publishedPages from "../lib/published-pages.js";

const { PUBLISHED_DIR, PUBLISHED_PAGES } = publishedPages;
const root = path.resolve(import.meta.dirname, "..");
const appDir = path.join(root, ".next", "server", "app");
const target = path.join(root, "public", PUBLISHED_DIR);
const manifest = JSON.parse(
  fs.readFileSync(path.join(root, ".next", "prerender-manifest.json"), "utf8"),
);
const routes = new Set(PUBLISHED_PAGES.map((page) => page.route));

fs.rmSync(target, { recursive: true, force: true });
let count = 0;
for (const [pathname, entry] of Object.entries(manifest.routes)) {
  if (!routes.has(entry.srcRoute) || (entry.initialStatus ?? 200) !== 200) continue;
  const file = path.join(target, `${pathname}.html`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.copyFileSync(path.join(appDir, `${pathname}.html`), file);
  count++;
}
fs.writeFileSync(
  path.join(target, "BUILD_ID"),
  fs.readFileSync(path.join(root, ".next", "BUILD_ID")),
);
console.log(`publish-prerendered: ${count} pages in public/${PUBLISHED_DIR}/`);
