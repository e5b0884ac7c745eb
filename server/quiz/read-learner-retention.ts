import "server-only";
import type { Prisma } from "@/generated/sqlite/client";
import { DESIRED_RETENTION } from "@/lib/quiz/retention";
import type { Db } from "@/server/db/client";

/**
 * The retention a learner's reviews are scheduled for: the highest desired retention among the teams
 * they are a member of, FSRS's default with none. A learner has one review queue however many teams
 * they are in, so one value must win; the most demanding instructor's does, since reviewing a little
 * more often than one team asks harms nobody, while reviewing less often than a team asks would
 * quietly undo its setting.
 */
export async function readLearnerRetention(
  db: Db | Prisma.TransactionClient,
  userId: string,
): Promise<number> {
  const { _max } = await db.team.aggregate({
    where: { memberships: { some: { userId, role: "MEMBER" } } },
    _max: { desiredRetention: true },
  });
  return _max.desiredRetention ?? DESIRED_RETENTION.default;
}
