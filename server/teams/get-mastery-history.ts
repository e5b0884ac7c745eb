import "server-only";
import { MASTERY_LEVELS } from "@/lib/quiz/mastery";
import type { CurrentUser } from "@/lib/contracts/session";
import type { MasteryPoint } from "@/lib/contracts/teams";
import type { Db } from "@/server/db/client";
import { requireTeamManager } from "./access";

const DAY_MS = 86_400_000;
const FAMILIAR = MASTERY_LEVELS.indexOf("familiar");
const PROFICIENT = MASTERY_LEVELS.indexOf("proficient");
const MASTERED = MASTERY_LEVELS.indexOf("mastered");

/**
 * The team's mastery over the last `days` days: for each day, the shares of learner × quiz pairs at
 * Familiar or better, Proficient or better and Mastered at the end of that day, replayed from the
 * mastery change log.
 */
export async function getMasteryHistory(
  db: Db,
  actor: CurrentUser,
  teamId: string,
  days = 30,
  now = new Date(),
): Promise<MasteryPoint[]> {
  await requireTeamManager(db, actor, teamId);
  const [learners, quizNotes, events] = await Promise.all([
    db.teamMembership.count({ where: { teamId, role: "MEMBER" } }),
    db.note.count({ where: { retiredAt: null, items: { some: { retiredAt: null } } } }),
    db.masteryEvent.findMany({
      where: { user: { memberships: { some: { teamId, role: "MEMBER" } } } },
      orderBy: { at: "asc" },
      select: { userId: true, noteSlug: true, level: true, at: true },
    }),
  ]);
  const pairs = learners * quizNotes;
  const level = new Map<string, number>();
  let familiar = 0;
  let proficient = 0;
  let mastered = 0;
  let next = 0;
  const firstDay = Math.floor(now.getTime() / DAY_MS) - days + 1;
  const points: MasteryPoint[] = [];
  for (let day = firstDay; day < firstDay + days; day++) {
    const end = (day + 1) * DAY_MS;
    while (next < events.length && events[next].at.getTime() < end) {
      const event = events[next++];
      const key = `${event.userId}\u0000${event.noteSlug}`;
      const before = level.get(key) ?? 0;
      familiar += Number(event.level >= FAMILIAR) - Number(before >= FAMILIAR);
      proficient += Number(event.level >= PROFICIENT) - Number(before >= PROFICIENT);
      mastered += Number(event.level >= MASTERED) - Number(before >= MASTERED);
      level.set(key, event.level);
    }
    points.push({
      day: new Date(day * DAY_MS).toISOString().slice(0, 10),
      proficientShare: pairs ? proficient / pairs : 0,
      familiarShare: pairs ? familiar / pairs : 0,
      masteredShare: pairs ? mastered / pairs : 0,
    });
  }
  return points;
}
