import "server-only";
import type { Db } from "@/server/db/client";
import { enforceRateLimit, LIMITS, RateLimited } from "@/server/http/rate-limit";

export interface InviteDescription {
  team: string;
  instructors: string[];
}

/**
 * What an invite link leads to, for its page: the team's name and its instructors', or null for a
 * code that matches no team. Each look-up counts against a limit per viewer and per address, so that
 * a script cannot load the page to test codes (40 random bits each); past the limit the page shows
 * the code alone (`limited`), and Join still checks it.
 */
export async function describeInvite(
  db: Db,
  code: string,
  who: { userId?: string; address: string },
  now = new Date(),
): Promise<InviteDescription | null | "limited"> {
  try {
    await enforceRateLimit(db, LIMITS.invitePreview, who, now);
  } catch (error) {
    if (error instanceof RateLimited) return "limited";
    throw error;
  }
  const team = await db.team.findUnique({
    where: { inviteCode: code.trim().toUpperCase() },
    select: {
      name: true,
      memberships: {
        where: { role: "INSTRUCTOR" },
        select: { user: { select: { name: true } } },
        orderBy: { user: { name: "asc" } },
      },
    },
  });
  if (!team) return null;
  return { team: team.name, instructors: team.memberships.map((m) => m.user.name) };
}
