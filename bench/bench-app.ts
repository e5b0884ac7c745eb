// The build the bench measures: a copy of the working tree in a folder of its own, plus one page that
// must never ship, /bench-bare. Everything the bench serves comes from this one build, so the lesson
// and the bare page are compared in the same build of the same app, and the repository's own app/
// and .next/ are never touched.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const BARE_PATH = "/bench-bare";

/** Outside the repository, so that tsc, vitest and ESLint never see the copy; one per checkout. */
export function benchAppDir(root: string): string {
  const id = createHash("sha256").update(root).digest("hex").slice(0, 12);
  return path.join(os.tmpdir(), `cra-bench-app-${id}`);
}

// Not needed to build or serve the app; leaving them out keeps the build's type check short.
const LEFT_OUT = /^(bench|e2e|tests)\//;

/**
 * Copies the working tree (tracked and new files, as git sees them, uncommitted changes included) and
 * hard-links node_modules and generated/: Turbopack refuses a symlinked node_modules that points
 * outside the project, and a full copy is 900 MB.
 */
export function copyApp(root: string, dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard"], {
    cwd: root,
    encoding: "utf8",
  })
    .split("\n")
    .filter((file) => file && !LEFT_OUT.test(file) && fs.existsSync(path.join(root, file)));
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.copyFileSync(path.join(root, file), path.join(dir, file));
  }
  for (const linked of ["node_modules", "generated"]) {
    const from = path.join(root, linked);
    const to = path.join(dir, linked);
    try {
      execFileSync("cp", ["-al", from, to], { stdio: "ignore" });
    } catch {
      // Hard links cannot cross file systems, when the temporary folder is on another one.
      fs.rmSync(to, { recursive: true, force: true });
      execFileSync("cp", ["-a", from, to]);
    }
  }
  addBareRootLayout(dir);
}

/**
 * A page free of the site's client components (the header's search, theme toggle and account menu)
 * needs a root layout of its own, and Next allows several root layouts only in route groups. So the
 * copy's app/ moves, unchanged, into app/(site)/, beside app/(bare)/: a group never shows in a URL,
 * and the files keep their relative imports.
 */
function addBareRootLayout(dir: string): void {
  const app = path.join(dir, "app");
  const site = path.join(app, "(site)");
  const entries = fs.readdirSync(app);
  fs.mkdirSync(site);
  for (const entry of entries) fs.renameSync(path.join(app, entry), path.join(site, entry));
  fs.mkdirSync(path.join(app, "(bare)", BARE_PATH.slice(1)), { recursive: true });
  fs.writeFileSync(
    path.join(app, "(bare)", "layout.tsx"),
    `import type { ReactNode } from "react";

export default function BareLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
`,
  );
}

/**
 * The bare page: static text in paragraphs, no client component. Its text appears twice in the HTML,
 * once as markup and once in the inlined React Server Components payload, as a lesson's does.
 */
export function writeBarePage(dir: string, textChars: number): void {
  const sentence =
    "The customer configures the control and the provider runs the hardware under it. ";
  const paragraph = sentence.repeat(5);
  const count = Math.max(1, Math.round(textChars / paragraph.length));
  fs.writeFileSync(
    path.join(dir, "app", "(bare)", BARE_PATH.slice(1), "page.tsx"),
    `const PARAGRAPH = ${JSON.stringify(paragraph)};

export default function BarePage() {
  return (
    <main>
      <h1>A bare page</h1>
      {Array.from({ length: ${count} }, (_, i) => (
        <p key={i}>{PARAGRAPH}</p>
      ))}
    </main>
  );
}
`,
  );
}

/** The app's own build script, in the copy. */
export function buildApp(dir: string): void {
  execFileSync("npm", ["run", "--silent", "build"], {
    cwd: dir,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
}
