import Link from "next/link";
import { OpenSearchButton } from "@/components/search/search-dialog";
import { ButtonLink } from "@/components/ui/button";

export default function NotFound() {
  return (
    <div className="not-found">
      <h1>Page not found</h1>
      <p>There is no lesson, tag or page at this address. It may have been renamed.</p>
      <p className="actions">
        <ButtonLink variant="primary" href="/lessons">
          See all lessons
        </ButtonLink>
        <Link href="/">Go to the home page</Link>
      </p>
      <p>
        Or <OpenSearchButton label="search the lessons" /> (on a keyboard, press <kbd>/</kbd>).
      </p>
    </div>
  );
}
