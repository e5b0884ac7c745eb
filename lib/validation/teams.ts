import { z } from "zod";
import { ROLES } from "@/lib/contracts/session";
import { DESIRED_RETENTION } from "@/lib/quiz/retention";
import { idSchema, plainText } from "./common";

export const teamNameSchema = plainText("Team name", 80);

export const createTeamSchema = z.strictObject({ name: teamNameSchema });

export const inviteCodeSchema = z
  .string({ error: "Invite code is required" })
  .trim()
  .min(1, "Invite code is required")
  .max(40, "That is not an invite code")
  .transform((code) => code.toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9-]+$/, "That is not an invite code"));

export const joinTeamSchema = z.strictObject({ code: inviteCodeSchema });

const retentionRange = `between ${DESIRED_RETENTION.min.toFixed(2)} and ${DESIRED_RETENTION.max.toFixed(2)}`;

/** The "Spaced review" form: a team's desired retention, to two decimals as the input steps. */
export const desiredRetentionSchema = z.strictObject({
  teamId: idSchema,
  desiredRetention: z
    .string({ error: "Desired retention is required" })
    .trim()
    .min(1, "Desired retention is required")
    .pipe(z.coerce.number({ error: `Desired retention must be a number ${retentionRange}` }))
    .pipe(
      z
        .number()
        .min(DESIRED_RETENTION.min, `Desired retention must be ${retentionRange}`)
        .max(DESIRED_RETENTION.max, `Desired retention must be ${retentionRange}`),
    )
    .transform((value) => Math.round(value * 100) / 100),
});

export const changeRoleSchema = z.strictObject({
  userId: idSchema,
  role: z.enum(ROLES, { error: `Role must be one of ${ROLES.join(", ")}` }),
});

export const PROGRESS_SORTS = [
  "name",
  "lessonsRead",
  "attempts",
  "bestScore",
  "lastActiveAt",
] as const;
export const gridQuerySchema = z.object({
  q: z.string().trim().max(100).catch(""),
  sort: z.enum(PROGRESS_SORTS).catch("name"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
