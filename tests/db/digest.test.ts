import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CreateAssignment } from "@/lib/validation/assignments";
import { readDigestContent, sendWeeklyDigests, setWeeklyDigest } from "@/server/account/digest";
import { createAssignment } from "@/server/assignments/manage-assignments";
import type { MailConfig } from "@/server/mail/send-mail";
import { syncContent } from "@/server/quiz/sync-content";
import { createTeam } from "@/server/teams/create-team";
import { joinTeam } from "@/server/teams/join-team";
import { linkIn, startMailbox, type Mailbox } from "../../e2e/support/mailbox";
import { netNote } from "../support/net-note";
import { peopleOf } from "../support/people";
import { testMailConfig } from "../support/mail";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

const SMTP_PORT = 3392;
const config = testMailConfig(SMTP_PORT);

const DAY = 24 * 3600_000;
const now = new Date("2026-11-02T08:00:00Z");
const later = (ms: number) => new Date(now.getTime() + ms);

let t: TestDatabase;
let mailbox: Mailbox;
const { people, person } = peopleOf(() => t.db);

/** A review card for the user's first Net item, due at `due`. */
async function cardDue(userId: string, due: Date) {
  const item = await t.db.item.findFirstOrThrow({ where: { noteSlug: "net" } });
  await t.db.reviewCard.create({
    data: {
      userId,
      itemId: item.id,
      due,
      stability: 1,
      difficulty: 1,
      elapsedDays: 0,
      scheduledDays: 1,
      learningSteps: 0,
      reps: 1,
      lapses: 0,
      state: 2,
    },
  });
}

beforeAll(async () => {
  t = await createTestDatabase();
  mailbox = await startMailbox(SMTP_PORT);
  await syncContent(t.db, [netNote()]);
  await person("teacher", "INSTRUCTOR");
  for (const name of ["ada", "bo", "cy", "quiet"]) await person(name);
  const team = await createTeam(t.db, people.teacher, "Net team");
  await joinTeam(t.db, people.ada, team.inviteCode);
  await createAssignment(t.db, people.teacher, team.id, {
    kind: "notes",
    noteSlugs: ["net"],
    targetMastery: "PROFICIENT",
    dueAt: later(3 * DAY),
  } as CreateAssignment);
  await cardDue(people.bo.id, later(2 * DAY));
  await cardDue(people.cy.id, later(2 * DAY));
  // Quiet has a review, but not within the week: nothing to say.
  await cardDue(people.quiet.id, later(60 * DAY));
});

afterAll(async () => {
  await mailbox.stop();
  await t.drop();
});

describe("weekly digest", () => {
  it("says what is due within the week", async () => {
    const ada = await readDigestContent(t.db, people.ada.id, now);
    expect(ada).toEqual({
      reviewsDue: 0,
      assignments: [{ title: "Net — Proficient", dueAt: later(3 * DAY), overdue: false }],
    });
    expect(await readDigestContent(t.db, people.bo.id, now)).toEqual({
      reviewsDue: 1,
      assignments: [],
    });
    expect((await readDigestContent(t.db, people.quiet.id, now)).reviewsDue).toBe(0);
    const overdue = await readDigestContent(t.db, people.ada.id, later(4 * DAY));
    expect(overdue.assignments[0].overdue).toBe(true);
  });

  it("mails those with news and not the opted out, once a week, over SMTP", async () => {
    await setWeeklyDigest(t.db, people.cy.id, false);
    expect(await sendWeeklyDigests(t.db, { now, config })).toEqual({ sent: 2, failed: 0 });
    const ada = await mailbox.waitFor(people.ada.email);
    expect(ada.subject).toBe("Your week in Cloud Responsibility");
    expect(ada.text).toContain("Net — Proficient: due 2026-11-05");
    expect(linkIn(ada, "/account")).toBe("https://academy.example.org/account");
    expect(ada.html).toContain('<a href="https://academy.example.org/account">');
    const bo = await mailbox.waitFor(people.bo.email);
    expect(bo.text).toContain("1 review due in the next 7 days.");
    expect(mailbox.to(people.cy.email)).toHaveLength(0);
    expect(mailbox.to(people.quiet.email)).toHaveLength(0);
    expect(mailbox.to(people.teacher.email)).toHaveLength(0);

    // Six days on, nobody again; seven days on, the same two.
    expect(await sendWeeklyDigests(t.db, { now: later(6 * DAY), config })).toEqual({
      sent: 0,
      failed: 0,
    });
    expect((await sendWeeklyDigests(t.db, { now: later(7 * DAY), config })).sent).toBe(2);
  });

  it("of two runs at once, each person is mailed by one", async () => {
    const before = mailbox.received.length;
    const at = later(14 * DAY);
    const runs = await Promise.all([
      sendWeeklyDigests(t.db, { now: at, config }),
      sendWeeklyDigests(t.db, { now: at, config }),
    ]);
    expect(runs[0].sent + runs[1].sent).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mailbox.received.length - before).toBe(2);
  });

  it("gives the claim back when the SMTP server is down, and does nothing without SMTP", async () => {
    const down: MailConfig = { ...config, smtpUrl: "smtp://127.0.0.1:3399" };
    const at = later(21 * DAY);
    expect(await sendWeeklyDigests(t.db, { now: at, config: down })).toEqual({
      sent: 0,
      failed: 2,
    });
    const ada = await t.db.user.findUniqueOrThrow({ where: { id: people.ada.id } });
    expect(ada.digestSentAt).toEqual(later(14 * DAY));
    expect(
      await sendWeeklyDigests(t.db, { now: at, config: { ...config, smtpUrl: undefined } }),
    ).toEqual({
      sent: 0,
      failed: 0,
    });
    expect((await sendWeeklyDigests(t.db, { now: at, config })).sent).toBe(2);
  });
});
