"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ASSIGNMENT_KINDS } from "@/lib/contracts/assignments";
import type { ActionState } from "@/lib/contracts/action-state";
import {
  ASSIGNMENT_FORM_FIELDS,
  assignmentInputFromForm,
  assignmentUpdateFromForm,
  type AssignmentFormFields,
} from "@/lib/assignments/assignment-form";
import {
  createAssignmentSchema,
  extensionSchema,
  updateAssignmentSchema,
} from "@/lib/validation/assignments";
import { idSchema } from "@/lib/validation/common";
import {
  createAssignment,
  deleteAssignment,
  removeExtension,
  setExtension,
  updateAssignment,
} from "@/server/assignments/manage-assignments";
import { requireUser } from "@/server/auth/require-user";
import { getDb } from "@/server/db/client";
import { currentRequestAddress } from "@/server/http/client-address";
import { requestTime } from "@/server/clock";
import { formFields, formValues, parseForm, runAction } from "@/server/http/action";

// Each action checks the user and their rights itself (in server/assignments, through
// requireTeamManager): an action is a public endpoint.

const teamIdSchema = z.strictObject({ teamId: idSchema });
const assignmentIdSchema = z.strictObject({ teamId: idSchema, assignmentId: idSchema });
/** The edit form says its assignment's kind, so that only that kind's fields are read from it. */
const editedSchema = assignmentIdSchema.extend({ kind: z.enum(ASSIGNMENT_KINDS) });
const learnerSchema = z.strictObject({
  teamId: idSchema,
  assignmentId: idSchema,
  userId: idSchema,
});

const text = (value: FormDataEntryValue | null) => (typeof value === "string" ? value : null);

/** The assignment fields of a form, as text; the lessons are the repeated "noteSlugs". */
function assignmentFields(form: unknown): AssignmentFormFields {
  const fields = formFields(form, ...ASSIGNMENT_FORM_FIELDS);
  return {
    kind: text(fields.kind),
    title: text(fields.title),
    noteSlugs: formValues(form, "noteSlugs"),
    targetMastery: text(fields.targetMastery),
    size: text(fields.size),
    timeLimitMinutes: text(fields.timeLimitMinutes),
    attemptsAllowed: text(fields.attemptsAllowed),
    reviewAnswers: text(fields.reviewAnswers),
    dueAt: text(fields.dueAt),
    opensAt: text(fields.opensAt),
  };
}

export async function createAssignmentAction(
  _state: ActionState,
  form: unknown,
): Promise<ActionState> {
  return runAction(async () => {
    const user = await requireUser();
    const { teamId } = parseForm(teamIdSchema, formFields(form, "teamId"));
    const input = parseForm(
      createAssignmentSchema,
      assignmentInputFromForm(assignmentFields(form)),
    );
    await createAssignment(getDb(), user, teamId, input, {
      address: await currentRequestAddress(),
    });
    revalidatePath(`/teams/${teamId}`);
    return "Assigned. It shows below, and on each learner's home page once it opens.";
  });
}

export async function updateAssignmentAction(
  _state: ActionState,
  form: unknown,
): Promise<ActionState> {
  return runAction(async () => {
    const user = await requireUser();
    const { teamId, assignmentId, kind } = parseForm(
      editedSchema,
      formFields(form, "teamId", "assignmentId", "kind"),
    );
    // The kind only picks which fields the form sent; the schema and the server refuse the rest.
    const input = parseForm(
      updateAssignmentSchema,
      assignmentUpdateFromForm(kind, assignmentFields(form)),
    );
    const updated = await updateAssignment(
      getDb(),
      user,
      teamId,
      assignmentId,
      input,
      await requestTime(),
      { address: await currentRequestAddress() },
    );
    revalidatePath(`/teams/${teamId}`);
    return `Saved “${updated.title}”.`;
  });
}

export async function deleteAssignmentAction(
  _state: ActionState,
  form: unknown,
): Promise<ActionState> {
  return runAction(async () => {
    const user = await requireUser();
    const { teamId, assignmentId } = parseForm(
      assignmentIdSchema,
      formFields(form, "teamId", "assignmentId"),
    );
    await deleteAssignment(getDb(), user, teamId, assignmentId, {
      address: await currentRequestAddress(),
    });
    revalidatePath(`/teams/${teamId}`);
    return "Deleted. The learners' attempts stay in their history.";
  });
}

export async function setExtensionAction(_state: ActionState, form: unknown): Promise<ActionState> {
  return runAction(async () => {
    const user = await requireUser();
    const fields = formFields(form, "teamId", "assignmentId", "userId", "dueAt");
    const { teamId, assignmentId, userId } = parseForm(learnerSchema, {
      teamId: fields.teamId,
      assignmentId: fields.assignmentId,
      userId: fields.userId,
    });
    const { dueAt } = parseForm(extensionSchema, { dueAt: text(fields.dueAt) ?? "" });
    await setExtension(getDb(), user, teamId, assignmentId, userId, dueAt, {
      address: await currentRequestAddress(),
    });
    revalidatePath(`/teams/${teamId}`);
    return "Extension saved.";
  });
}

export async function removeExtensionAction(
  _state: ActionState,
  form: unknown,
): Promise<ActionState> {
  return runAction(async () => {
    const user = await requireUser();
    const { teamId, assignmentId, userId } = parseForm(
      learnerSchema,
      formFields(form, "teamId", "assignmentId", "userId"),
    );
    await removeExtension(getDb(), user, teamId, assignmentId, userId, {
      address: await currentRequestAddress(),
    });
    revalidatePath(`/teams/${teamId}`);
    return "Extension withdrawn.";
  });
}
