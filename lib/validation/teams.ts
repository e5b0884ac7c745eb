import { z } from "zod";

export const teamNameSchema = z
  .string({ error: "Team name is required" })
  .trim()
  .min(1, "Team name is required")
  .max(80, "Team name must be at most 80 characters");

export const createTeamSchema = z.strictObject({ name: teamNameSchema });

export const inviteCodeSchema = z
  .string({ error: "Invite code is required" })
  .trim()
  .min(1, "Invite code is required")
  .max(40, "That is not an invite code")
  .transform((code) => code.toUpperCase());

export const joinTeamSchema = z.strictObject({ code: inviteCodeSchema });

export const ROLES = ["LEARNER", "INSTRUCTOR", "ADMIN"] as const;
export const changeRoleSchema = z.strictObject({
  userId: z.string().min(1).max(64),
  role: z.enum(ROLES, { error: `Role must be one of ${ROLES.join(", ")}` }),
});

export const PROGRESS_SORTS = ["name", "lessonsRead", "attempts", "bestScore", "lastActiveAt"] as const;
export const gridQuerySchema = z.object({
  q: z.string().trim().max(100).catch(""),
  sort: z.enum(PROGRESS_SORTS).catch("name"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
