import Link from "next/link";

export default function NotFound() {
  return (
    <div className="not-found">
      <h1>Page not found</h1>
      <p>There is no lesson, tag or page at this address. It may have been renamed.</p>
      <p>
        <Link href="/lessons">See all lessons</Link> or press <kbd>/</kbd> to search.
      </p>
    </div>
  );
}
