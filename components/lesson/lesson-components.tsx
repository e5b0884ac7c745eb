import Link from "next/link";
import type { ComponentPropsWithoutRef, ReactNode } from "react";
import { OwnerBadge } from "@/components/ui/owner-badge";
import { parseServiceMatrix } from "@/lib/content/service-layers";
import { OWNERS, type Owner } from "@/lib/content/types";
import { OwnerMatrix } from "./owner-matrix";
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

function Control({
  owner,
  term,
  children,
}: {
  owner?: string;
  term?: string;
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
      {children}
    </li>
  );
}

/** The service matrix remark-lesson.ts puts under "Variation by Service": what the quiz asks. */
function ServiceMatrix({ matrix, section }: { matrix?: string; section?: string }) {
  const parsed = parseServiceMatrix(matrix);
  return parsed ? <OwnerMatrix {...parsed} section={section} /> : null;
}

/** A responsibility matrix for hand-written `.mdx` lessons: rows of layers, a column per model. */
function ResponsibilityMatrix({
  rows,
}: {
  rows: Array<{ layer: string; iaas: Owner; paas: Owner; saas: Owner }>;
}) {
  return (
    <OwnerMatrix
      columns={[
        { model: "IaaS", examples: "EC2" },
        { model: "PaaS", examples: "RDS, Elastic Beanstalk" },
        { model: "SaaS", examples: "WorkSpaces" },
      ]}
      rows={rows.map((row) => ({
        layer: row.layer,
        owners: [asOwner(row.iaas), asOwner(row.paas), asOwner(row.saas)],
      }))}
    />
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
  Callout,
  Control,
  ControlList,
  ResponsibilityMatrix,
  ServiceMatrix,
  RevealToggle,
  h2: anchoredHeading("h2"),
  h3: anchoredHeading("h3"),
  h4: anchoredHeading("h4"),
  h5: anchoredHeading("h5"),
  h6: anchoredHeading("h6"),
};
