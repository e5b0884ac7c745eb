"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Icon } from "@/components/ui/icons";
import { lessonHref } from "@/lib/content/slug";
import type { SearchDocument, SearchHit } from "@/lib/content/search";
import { MarkedText } from "./marked-text";

const OPEN_EVENT = "open-search";
/** The results shown; a snippet is made for these only. */
const MAX_RESULTS = 8;

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

/** Lesson search: opens with "/" or Ctrl-K, arrow keys move through results, Enter opens one. */
export function SearchDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [search, setSearch] = useState<((q: string, limit?: number) => SearchHit[]) | null>(null);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const [loadError, setLoadError] = useState(false);
  const router = useRouter();
  const listId = useId();

  const open = useCallback(() => {
    dialog.current?.showModal();
    input.current?.select();
    if (search) return;
    // The index and the search library load on first open, keeping them out of every page's JavaScript.
    Promise.all([
      fetch("/search-index.json").then((response) => response.json() as Promise<SearchDocument[]>),
      import("@/lib/content/search"),
    ])
      .then(([documents, { createSearch }]) => setSearch(() => createSearch(documents)))
      .catch(() => setLoadError(true));
  }, [search]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const ctrlK = event.key.toLowerCase() === "k" && (event.ctrlKey || event.metaKey);
      if (ctrlK || (event.key === "/" && !isTyping(event.target))) {
        event.preventDefault();
        open();
      }
    };
    window.addEventListener("keydown", onKey);
    window.addEventListener(OPEN_EVENT, open);
    return () => {
      window.removeEventListener("keydown", onKey);
      window.removeEventListener(OPEN_EVENT, open);
    };
  }, [open]);

  // Arrow keys re-render the list; only a new query searches again.
  const hits = useMemo(() => (search ? search(query, MAX_RESULTS) : []), [search, query]);
  // Snippets make the list taller than a phone screen: keep the option the arrows reach in view.
  useEffect(() => {
    document.getElementById(`${listId}-${active}`)?.scrollIntoView({ block: "nearest" });
  }, [listId, active]);

  const go = (hit: SearchHit | undefined) => {
    if (!hit) return;
    dialog.current?.close();
    router.push(lessonHref(hit.slug));
  };

  return (
    <>
      <Button className="search-button" onClick={open} aria-keyshortcuts="/ Control+K">
        <Icon name="search" />
        <span className="search-button-label">Search</span>
        <kbd aria-hidden="true">/</kbd>
      </Button>
      <dialog
        ref={dialog}
        className="search-dialog"
        aria-label="Search lessons"
        onClose={() => setQuery("")}
        // The panel fills the dialog, so a click whose target is the dialog itself landed on the
        // backdrop around it: a tap outside closes, as on every phone sheet.
        onClick={(event) => {
          if (event.target === event.currentTarget) dialog.current?.close();
        }}
      >
        <div className="search-panel">
          <div className="search-head">
            <label htmlFor={`${listId}-input`}>Search lessons</label>
            <Button
              className="search-close"
              aria-label="Close search"
              onClick={() => dialog.current?.close()}
            >
              <Icon name="close" />
            </Button>
          </div>
          <form
            method="dialog"
            className="search-form"
            onSubmit={(e) => {
              e.preventDefault();
              go(hits[active]);
            }}
          >
            <input
              ref={input}
              id={`${listId}-input`}
              type="search"
              role="combobox"
              aria-expanded={hits.length > 0}
              aria-controls={listId}
              aria-activedescendant={hits[active] ? `${listId}-${active}` : undefined}
              autoComplete="off"
              placeholder="Try “KMS” or “patch”"
              value={query}
              onChange={(e) => {
                setQuery(e.target.value);
                setActive(0);
              }}
              onKeyDown={(e) => {
                if (e.key === "ArrowDown") {
                  e.preventDefault();
                  setActive((i) => Math.min(i + 1, hits.length - 1));
                }
                if (e.key === "ArrowUp") {
                  e.preventDefault();
                  setActive((i) => Math.max(i - 1, 0));
                }
                // A search field's own Escape only clears its text; here one press closes the dialog.
                if (e.key === "Escape") {
                  e.preventDefault();
                  dialog.current?.close();
                }
              }}
            />
          </form>
          <ul id={listId} role="listbox" aria-label="Results" className="search-results">
            {hits.map((hit, i) => (
              <li
                key={hit.slug}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                // Movement, not mere presence: a pointer resting where the dialog opens must not steal the selection.
                onMouseMove={() => setActive(i)}
                onClick={() => go(hit)}
              >
                <span className="hit-title">
                  <MarkedText parts={hit.titleParts} />
                </span>
                {hit.snippet.length > 0 ? (
                  <span className="hit-snippet">
                    <MarkedText parts={hit.snippet} />
                  </span>
                ) : (
                  <span className="hit-summary">{hit.summary}</span>
                )}
              </li>
            ))}
          </ul>
          <p className="search-status" aria-live="polite">
            {loadError
              ? "Search could not load. Try again."
              : query && search
                ? `${hits.length} result${hits.length === 1 ? "" : "s"}`
                : ""}
          </p>
          <p className="search-help">
            <kbd>↑</kbd> <kbd>↓</kbd> to move, <kbd>Enter</kbd> to open, <kbd>Esc</kbd> to close
          </p>
        </div>
      </dialog>
    </>
  );
}

/** Opens the search dialog from within a page's text; it looks like a link. */
export function OpenSearchButton({ label = "Search them" }: { label?: string }) {
  return (
    <button
      type="button"
      className="link-button"
      onClick={() => window.dispatchEvent(new Event(OPEN_EVENT))}
    >
      {label}
    </button>
  );
}
