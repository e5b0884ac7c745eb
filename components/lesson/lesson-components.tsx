import Link from "next/link";
import type { ComponentPropsWithoutRef, ReactNode } from "react";
import { OwnerBadge } from "@/components/ui/owner-badge";
import { parseMatrixView, viewOfModelRows } from "@/lib/content/matrix-view";
import { OWNERS, type Owner } from "@/lib/content/types";
import { MatrixTable } from "./matrix-table";
import { RevealToggle, StudyText } from "./study-mode";

function LessonLink({
  href,
  target,
  children,
}: {
  href?: string;
  target?: string;
  children?: ReactNode;
}) {
  if (!href) {
    return (
      <span className="unwritten" title={`"${target}" is not written yet`}>
        {children}
        <span className="visually-hidden"> (not written yet)</span>
      </span>
    );
  }
  return <Link href={href}>{children}</Link>;
}

function Embed({ target, href }: { target?: string; href?: string }) {
  return (
    <span className="embed-missing" role="note">
      Embedded file “{target}” is not available here.
      {href ? (
        <>
          {" "}
          <Link href={href}>Open the lesson instead.</Link>
        </>
      ) : null}
    </span>
  );
}

const CALLOUT_TITLES: Record<string, string> = {
  note: "Note",
  tip: "Tip",
  warning: "Warning",
  important: "Important",
  info: "Info",
  example: "Example",
  danger: "Danger",
};

function Callout({
  type = "note",
  title,
  children,
}: {
  type?: string;
  title?: string;
  children?: ReactNode;
}) {
  return (
    <aside
      className={`callout callout-${type}`}
      aria-label={title ?? CALLOUT_TITLES[type] ?? "Note"}
    >
      <p className="callout-title">{title ?? CALLOUT_TITLES[type] ?? type}</p>
      {children}
    </aside>
  );
}

/**
 * A cited qualification beside a bullet or a section (lib/content/annotations.ts). Its label names
 * what it qualifies, so that a screen reader's list of landmarks tells the callouts apart.
 */
function Annotation({
  title = "What AWS's documentation adds",
  target,
  children,
}: {
  title?: string;
  target?: string;
  children?: ReactNode;
}) {
  return (
    <aside
      className="callout callout-note annotation"
      aria-label={target ? `${title}: ${target}` : title}
    >
      <p className="callout-title">{title}</p>
      {children}
    </aside>
  );
}

function ControlList({
  section,
  children,
}: {
  owner?: string;
  section?: string;
  children?: ReactNode;
}) {
  return (
    <ul className="control-list" data-reveal-by={section}>
      {children}
    </ul>
  );
}

function asOwner(value: string | undefined): Owner {
  return OWNERS.find((o) => o === value) ?? "SHARED";
}

/**
 * A control card. In study mode, until the reader hovers, focuses or reveals it, the card shows
 * the control's neutral description instead of its explanation and source, which name the owner.
 */
function Control({
  owner,
  term,
  description,
  sourceTitle,
  sourceUrl,
  children,
}: {
  owner?: string;
  term?: string;
  description?: string;
  sourceTitle?: string;
  sourceUrl?: string;
  children?: ReactNode;
}) {
  return (
    <li className={`control control-${asOwner(owner).toLowerCase()}`} tabIndex={0}>
      <div className="control-head">
        <strong className="control-term">{term}</strong>
        <span className="control-owner">
          <OwnerBadge owner={asOwner(owner)} />
        </span>
      </div>
      {description ? <p className="control-description">{description}</p> : null}
      <div className="control-explanation">
        {children}
        {sourceUrl ? (
          <p className="control-source">
            Source: <a href={sourceUrl}>{sourceTitle ?? sourceUrl}</a>
          </p>
        ) : null}
      </div>
    </li>
  );
}

/**
 * Every matrix table of a lesson, as remark-lesson.ts writes it: the service-model matrix under
 * "Variation by Service", and each service matrix (a "Service matrix" table, or an `.mdx` lesson's
 * `<ResponsibilityMatrix title>`), its view as JSON.
 */
function ServiceMatrix({ matrix, section }: { matrix?: string; section?: string }) {
  const view = parseMatrixView(matrix);
  return view ? <MatrixTable view={view} section={section} /> : null;
}

/**
 * The service-model comparison of a hand-written `.mdx` lesson: rows of layers, a column per model.
 * The other form, `<ResponsibilityMatrix title>` around a table, never reaches this component:
 * remark-lesson.ts turns it into a ServiceMatrix.
 */
function ResponsibilityMatrix({
  rows,
}: {
  rows?: Array<{ layer: string; iaas: Owner; paas: Owner; saas: Owner }>;
}) {
  return rows ? <MatrixTable view={viewOfModelRows(rows)} /> : null;
}

/**
 * A note's own table. It scrolls sideways inside its box when it is wider than the lesson (a phone),
 * so the box takes keyboard focus: a keyboard can scroll it too.
 */
function LessonTable(props: ComponentPropsWithoutRef<"table">) {
  return (
    <div className="lesson-table" role="region" aria-label="Table" tabIndex={0}>
      <table {...props} />
    </div>
  );
}

function anchoredHeading(Tag: "h2" | "h3" | "h4" | "h5" | "h6") {
  return function AnchoredHeading({
    id,
    children,
    "data-study-label": studyLabel,
    ...rest
  }: ComponentPropsWithoutRef<"h2"> & { "data-study-label"?: string }) {
    return (
      <Tag id={id} {...rest}>
        {studyLabel ? <StudyText real={children} neutral={studyLabel} /> : children}
        {id ? (
          <a className="heading-anchor" href={`#${id}`} aria-label="Link to this section">
            #
          </a>
        ) : null}
      </Tag>
    );
  };
}

export const lessonComponents = {
  LessonLink,
  Embed,
  Annotation,
  Callout,
  Control,
  ControlList,
  ResponsibilityMatrix,
  ServiceMatrix,
  RevealToggle,
  table: LessonTable,
  h2: anchoredHeading("h2"),
  h3: anchoredHeading("h3"),
  h4: anchoredHeading("h4"),
  h5: anchoredHeading("h5"),
  h6: anchoredHeading("h6"),
};
