"use client";

export default function ErrorPage({
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div className="not-found">
      <h1>Something went wrong</h1>
      <p>
        This page could not be loaded. The database may be briefly unavailable; nothing you saved is
        lost.
      </p>
      <button type="button" className="primary" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
