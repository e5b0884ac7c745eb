// Prerendered pages that `next start` serves as plain files from public/_prerendered/: the app route
// that renders them at build time, and the URL pattern a page load comes in on. Read by next.config.js
// (rewrites) and scripts/publish-prerendered.mjs (the copy after `next build`).
const PUBLISHED_DIR = "_prerendered";

const PUBLISHED_PAGES = [
  {
    route: "/lessons/[slug]",
    source: "/lessons/:slug",
    destination: `/${PUBLISHED_DIR}/lessons/:slug.html`,
  },
  { route: "/tags/[tag]", source: "/tags/:tag", destination: `/${PUBLISHED_DIR}/tags/:tag.html` },
];

module.exports = { PUBLISHED_DIR, PUBLISHED_PAGES };
