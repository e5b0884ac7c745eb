import { ActionForm } from "@/components/ui/action-form";
import { getDb } from "@/server/db/client";
import { emailEnabled } from "@/server/mail/send-mail";
import { setWeeklyDigestAction } from "./actions";

/** The account page's "Weekly digest email" section: the switch, or why there is none. */
export async function DigestSetting({ userId }: { userId: string }) {
  if (!emailEnabled()) {
    return (
      <>
        <h2>Weekly digest email</h2>
        <p>Email is not set up on this server, so no digest is sent.</p>
      </>
    );
  }
  const { weeklyDigest } = await getDb().user.findUniqueOrThrow({
    where: { id: userId },
    select: { weeklyDigest: true },
  });
  return (
    <>
      <h2>Weekly digest email</h2>
      <p>
        Once a week, when something is due: your reviews for the week ahead and your assignments due
        or overdue.
      </p>
      <ActionForm action={setWeeklyDigestAction} submitLabel="Save" className="form">
        <fieldset>
          <legend>Weekly digest email</legend>
          <label>
            <input type="radio" name="weeklyDigest" value="on" defaultChecked={weeklyDigest} /> On
          </label>{" "}
          <label>
            <input type="radio" name="weeklyDigest" value="off" defaultChecked={!weeklyDigest} />{" "}
            Off
          </label>
        </fieldset>
      </ActionForm>
    </>
  );
}
