import type { Metadata, Viewport } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { Icon } from "@/components/ui/icons";
import { SearchDialog } from "@/components/search/search-dialog";
import { HeaderMenu } from "@/components/layout/header-menu";
import { ThemeToggle } from "@/components/layout/theme-toggle";
import { UserMenu } from "@/components/layout/user-menu";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Cloud Responsibility Academy", template: "%s · Cloud Responsibility Academy" },
  description:
    "Learn who is responsible for what in cloud security, starting with the AWS Shared Responsibility Model.",
};

export const viewport: Viewport = {
  colorScheme: "light dark",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* Applies a saved theme before first paint. A file, not inline, so that the pages with a
            nonce-only script policy may run it too. Async so that it never holds up parsing, and
            render-blocking so that the browser paints nothing before it has run: next/script's
            beforeInteractive waits for Next's own chunks here, and the first frame came out in the
            wrong theme. */}
        <script src="/theme.js" async blocking="render" />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <Link href="/" className="brand">
            <Icon name="cloud" size="1.5em" />
            <span>
              {/* "Cloud Academy" on a phone, the app's short name, so that the header keeps to one
                  line beside its three buttons. */}
              Cloud <span className="brand-middle">Responsibility </span>Academy
            </span>
          </Link>
          <div className="header-tools">
            <SearchDialog />
            <ThemeToggle />
          </div>
          <HeaderMenu>
            <nav aria-label="Main">
              <ul>
                <li>
                  <Link href="/lessons">Lessons</Link>
                </li>
                <li>
                  <Link href="/review">Review</Link>
                </li>
                <li>
                  <Link href="/practice">Practice</Link>
                </li>
                <li>
                  <Link href="/progress">Progress</Link>
                </li>
                <li>
                  <Link href="/teams">Teams</Link>
                </li>
              </ul>
            </nav>
            <UserMenu />
          </HeaderMenu>
        </header>
        <main id="main">{children}</main>
        <footer className="site-footer">
          <p>
            Learn who secures what in the cloud: read a short lesson, sort its controls to AWS, the
            customer or both, and review them until they stick.
          </p>
          <p>
            Your progress is seen only by you, by the instructors of the teams you join, and by the
            site&apos;s administrators.
          </p>
        </footer>
      </body>
    </html>
  );
}
