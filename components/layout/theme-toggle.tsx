"use client";

import { Button } from "@/components/ui/button";
import { Icon } from "@/components/ui/icons";
import { useSyncExternalStore } from "react";

type Theme = "light" | "dark";

const DARK_QUERY = "(prefers-color-scheme: dark)";

/** The theme in force: the reader's choice (set on <html> by public/theme.js or a click), else the system's. */
function currentTheme(): Theme {
  const chosen = document.documentElement.dataset.theme;
  if (chosen === "light" || chosen === "dark") return chosen;
  return window.matchMedia(DARK_QUERY).matches ? "dark" : "light";
}

/**
 * Changes of the system setting, and of the choice on <html>: a click here, or public/theme.js, which
 * is async and may run after hydration when it comes later than Next's chunks.
 */
function subscribe(onChange: () => void): () => void {
  const system = window.matchMedia(DARK_QUERY);
  system.addEventListener("change", onChange);
  const choice = new MutationObserver(onChange);
  choice.observe(document.documentElement, { attributeFilter: ["data-theme"] });
  return () => {
    system.removeEventListener("change", onChange);
    choice.disconnect();
  };
}

/** Follows the system setting until the reader picks a theme; the choice is kept in localStorage. */
export function ThemeToggle() {
  // The server cannot know the theme: null there and during hydration, the real one right after.
  const theme = useSyncExternalStore<Theme | null>(subscribe, currentTheme, () => null);
  const next: Theme = theme === "dark" ? "light" : "dark";
  return (
    <Button
      className="theme-toggle"
      aria-label={`Switch to ${next} theme`}
      onClick={() => {
        document.documentElement.dataset.theme = next;
        localStorage.setItem("theme", next);
      }}
    >
      <Icon name={theme === "dark" ? "sun" : "moon"} />
    </Button>
  );
}
