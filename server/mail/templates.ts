import "server-only";
import type { MailMessage } from "./send-mail";

const PRODUCT = "Cloud Responsibility";

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** Paragraphs of text with at most one link, as plain text and as simple HTML from the same words. */
function compose(
  to: string,
  subject: string,
  paragraphs: Array<string | { link: string; label: string } | { list: string[] }>,
): MailMessage {
  const text = paragraphs
    .map((p) =>
      typeof p === "string"
        ? p
        : "link" in p
          ? `${p.label}: ${p.link}`
          : p.list.map((line) => `- ${line}`).join("\n"),
    )
    .join("\n\n");
  const html = paragraphs
    .map((p) =>
      typeof p === "string"
        ? `<p>${escapeHtml(p)}</p>`
        : "link" in p
          ? `<p><a href="${escapeHtml(p.link)}">${escapeHtml(p.label)}</a></p>`
          : `<ul>${p.list.map((line) => `<li>${escapeHtml(line)}</li>`).join("")}</ul>`,
    )
    .join("\n");
  return {
    to,
    subject,
    text: `${text}\n`,
    html: `<!doctype html><html><body>${html}</body></html>`,
  };
}

export function passwordResetMail(to: string, name: string, link: string): MailMessage {
  return compose(to, `Reset your ${PRODUCT} password`, [
    `Hello ${name},`,
    "Someone, probably you, asked to reset the password of your account. The link works once, for 30 minutes.",
    { link, label: "Choose a new password" },
    "If you did not ask, ignore this email: your password stays as it is.",
  ]);
}

export function verificationMail(to: string, name: string, link: string): MailMessage {
  return compose(to, `Confirm your email for ${PRODUCT}`, [
    `Hello ${name},`,
    "Confirm that this address is yours to finish creating your account. The link works for 24 hours.",
    { link, label: "Confirm my email" },
    "If you did not create an account, ignore this email.",
  ]);
}

/** To the owner of an email someone tried to sign up with again, in place of a 409 that would tell. */
export function accountExistsMail(
  to: string,
  name: string,
  links: { signIn: string; reset: string },
): MailMessage {
  return compose(to, `You already have a ${PRODUCT} account`, [
    `Hello ${name},`,
    "Someone, probably you, tried to create an account with this address. It already has one, so nothing new was made.",
    { link: links.signIn, label: "Sign in" },
    { link: links.reset, label: "Reset your password" },
    "If it was not you, ignore this email: your account is unchanged.",
  ]);
}

export interface DigestContent {
  reviewsDue: number;
  assignments: Array<{ title: string; dueAt: Date; overdue: boolean }>;
}

export function digestMail(
  to: string,
  name: string,
  content: DigestContent,
  links: { review: string; assignments: string; account: string },
): MailMessage {
  const day = (date: Date) => date.toISOString().slice(0, 10);
  const parts: Parameters<typeof compose>[2] = [`Hello ${name},`, "Your week ahead:"];
  if (content.reviewsDue > 0) {
    parts.push(
      `${content.reviewsDue} review${content.reviewsDue === 1 ? "" : "s"} due in the next 7 days.`,
      { link: links.review, label: "Start reviewing" },
    );
  }
  if (content.assignments.length > 0) {
    parts.push(
      "Assignments:",
      {
        list: content.assignments.map(
          (a) => `${a.title}: ${a.overdue ? "overdue since" : "due"} ${day(a.dueAt)}`,
        ),
      },
      { link: links.assignments, label: "Your assignments" },
    );
  }
  parts.push("You get this email once a week. Turn it off on your account page.", {
    link: links.account,
    label: "Email settings",
  });
  return compose(to, `Your week in ${PRODUCT}`, parts);
}
