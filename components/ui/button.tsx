import Link from "next/link";
import type { ComponentProps } from "react";

/**
 * The one button style. Primary is the page's main action (one per view), secondary everything
 * else, danger an action that removes or replaces something.
 */
export type ButtonVariant = "primary" | "secondary" | "danger";

type Look = { variant?: ButtonVariant; size?: "normal" | "large" };

export function buttonClassName({ variant = "secondary", size = "normal" }: Look, extra?: string) {
  return ["button", `button-${variant}`, size === "large" ? "button-large" : null, extra]
    .filter(Boolean)
    .join(" ");
}

/** A `<button>`, type="button" unless told otherwise, so that it never submits a form by accident. */
export function Button({
  variant,
  size,
  className,
  type = "button",
  ...props
}: ComponentProps<"button"> & Look) {
  return (
    <button type={type} className={buttonClassName({ variant, size }, className)} {...props} />
  );
}

/** A link that looks like a button: for actions that are navigation, such as "Start with …". */
export function ButtonLink({
  variant,
  size,
  className,
  ...props
}: ComponentProps<typeof Link> & Look) {
  return <Link className={buttonClassName({ variant, size }, className)} {...props} />;
}
