import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { getEnv } from "@/server/env";

/** What sending needs: the SMTP server (none: email is off), the sender, and the app's address. */
export interface MailConfig {
  smtpUrl: string | undefined;
  from: string;
  /** The app's base URL, for the links in a message: NEXTAUTH_URL, as users reach the app. */
  baseUrl: string;
}

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** The configuration from the environment; tests pass their own instead (getEnv() caches). */
export function mailConfig(): MailConfig {
  const env = getEnv();
  return {
    smtpUrl: env.SMTP_URL,
    from: env.MAIL_FROM,
    baseUrl: (process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(
      /\/+$/,
      "",
    ),
  };
}

/** True when an SMTP server is configured; without one, the email features say they are off. */
export function emailEnabled(config = mailConfig()): boolean {
  return Boolean(config.smtpUrl);
}

/** A link into the app, built on its public base URL (never on a request's Host header, which a client sets). */
export function appLink(
  config: MailConfig,
  path: string,
  query: Record<string, string> = {},
): string {
  const url = new URL(path, `${config.baseUrl}/`);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  return url.toString();
}

// One transport per SMTP URL: nodemailer pools nothing by default, so this only saves re-parsing.
const transports = new Map<string, Transporter>();

function transportFor(smtpUrl: string): Transporter {
  let transport = transports.get(smtpUrl);
  if (!transport) {
    transport = nodemailer.createTransport(smtpUrl);
    transports.set(smtpUrl, transport);
  }
  return transport;
}

/** Sends one message over SMTP; throws when email is off or the server refuses it. */
export async function sendMail(message: MailMessage, config = mailConfig()): Promise<void> {
  if (!config.smtpUrl) throw new Error("email is not set up: SMTP_URL is unset");
  await transportFor(config.smtpUrl).sendMail({ from: config.from, ...message });
}
