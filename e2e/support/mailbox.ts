import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

/** A message as it arrived: the envelope's recipients and the parsed mail. */
export interface ReceivedMail {
  to: string[];
  mail: ParsedMail;
}

export interface Mailbox {
  port: number;
  received: ReceivedMail[];
  /** The first message to `address` not yet returned by waitFor, waiting for it to arrive. */
  waitFor(address: string, options?: { timeoutMs?: number }): Promise<ParsedMail>;
  /** The messages to `address` so far. */
  to(address: string): ParsedMail[];
  stop(): Promise<void>;
}

/**
 * A real SMTP server (smtp-server) in this process on 127.0.0.1:`port`, which parses each message
 * with mailparser and keeps it: the app sends over the real protocol, and a test reads the mail.
 * It takes any sender and recipient without authentication, as a local test relay does.
 */
export async function startMailbox(port: number): Promise<Mailbox> {
  const received: ReceivedMail[] = [];
  const taken = new Set<ReceivedMail>();
  const waiters = new Set<() => void>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            mail,
          });
          for (const wake of waiters) wake();
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const forAddress = (address: string) =>
    received.filter((m) => m.to.includes(address.toLowerCase()));
  return {
    port,
    received,
    to: (address) => forAddress(address).map((m) => m.mail),
    waitFor(address, { timeoutMs = 15_000 } = {}) {
      return new Promise<ParsedMail>((resolve, reject) => {
        const check = () => {
          const next = forAddress(address).find((m) => !taken.has(m));
          if (!next) return false;
          taken.add(next);
          waiters.delete(check);
          clearTimeout(timer);
          resolve(next.mail);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no mail to ${address} within ${timeoutMs} ms`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first link in a mail's text that points at `path` on the app. */
export function linkIn(mail: ParsedMail, path: string): string {
  const match = (mail.text ?? "").match(
    new RegExp(`https?://\\S+${path.replace(/\//g, "\\/")}\\S*`),
  );
  if (!match) throw new Error(`no ${path} link in the mail "${mail.subject ?? ""}"`);
  return match[0];
}
