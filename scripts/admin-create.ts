// npm run admin:create -- --email <email> [--name <name>]
// Creates a deployment's first admin, or makes an existing account an admin with a new password. The
// password is asked for without echo, or read from standard input when that is not a terminal
// (`printf '%s' "$PW" | npm run admin:create -- --email ...`): never from the command line, where
// it would stay in the shell's history and show in the process list.
import { z } from "zod";
import { signUpSchema } from "@/lib/validation/auth";
import { retireTokens } from "@/server/auth/one-time-token";
import { hashPassword } from "@/server/auth/password";
import { getDb } from "@/server/db/client";
import { transaction } from "@/server/db/transaction";

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function readStdin(): Promise<string> {
  let text = "";
  for await (const chunk of process.stdin) text += chunk;
  return text.replace(/\r?\n$/, "");
}

/** Asks on the terminal without echoing what is typed: raw mode, one keypress at a time. */
function askHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    process.stdout.write(question);
    process.stdin.setRawMode(true);
    process.stdin.setEncoding("utf8");
    process.stdin.resume();
    let answer = "";
    const onData = (keys: string) => {
      for (const key of keys) {
        if (key === "\r" || key === "\n" || key === "\u0003") {
          process.stdin.off("data", onData);
          process.stdin.setRawMode(false);
          process.stdin.pause();
          process.stdout.write("\n");
          if (key === "\u0003") reject(new Error("cancelled"));
          else resolve(answer);
          return;
        }
        answer = key === "\u007f" ? answer.slice(0, -1) : answer + key;
      }
    };
    process.stdin.on("data", onData);
  });
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) return readStdin();
  const password = await askHidden("Password (at least 10 characters): ");
  const again = await askHidden("The same password again: ");
  if (password !== again) throw new Error("the two passwords differ");
  return password;
}

async function main() {
  if (process.argv.includes("--password"))
    throw new Error("give the password on standard input or at the prompt, never as an argument");
  const email = option("email");
  if (!email) throw new Error("usage: npm run admin:create -- --email <email> [--name <name>]");
  const parsed = signUpSchema.safeParse({
    email,
    name: option("name") ?? "Administrator",
    password: await readPassword(),
  });
  if (!parsed.success) throw new Error(z.prettifyError(parsed.error));
  const { email: address, name, password } = parsed.data;
  const passwordHash = await hashPassword(password);
  const db = getDb();
  const existing = await db.user.findUnique({ where: { email: address }, select: { id: true } });
  if (existing) {
    // A new password ends the account's old sessions and unused reset links, as a password
    // change does.
    await transaction(db, async (tx) => {
      await tx.user.update({
        where: { id: existing.id },
        data: { role: "ADMIN", passwordHash, sessionVersion: { increment: 1 } },
      });
      await retireTokens(tx, existing.id, "PASSWORD_RESET");
    });
    console.log(`admin:create: ${address} is now an admin, with the new password`);
  } else {
    await db.user.create({ data: { email: address, name, role: "ADMIN", passwordHash } });
    console.log(`admin:create: created the admin ${address}`);
  }
  await db.$disconnect();
}

main().catch((error: unknown) => {
  console.error(`admin:create: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
