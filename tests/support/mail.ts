import type { MailConfig } from "@/server/mail/send-mail";

/**
 * Mail settings for a database test that sends through a real SMTP server (e2e/support/mailbox.ts)
 * on `port`: each email test file has its own port among 3390–3399, so files can run at once.
 */
export function testMailConfig(port: number): MailConfig {
  return {
    smtpUrl: `smtp://127.0.0.1:${port}`,
    from: "Test <no-reply@example.com>",
    baseUrl: "https://academy.example.org",
  };
}
