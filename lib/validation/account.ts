import { z } from "zod";
import { signUpSchema } from "./auth";

export const changePasswordSchema = z.strictObject({
  currentPassword: z
    .string({ error: "Current password is required" })
    .min(1, "Current password is required")
    .max(1024),
  newPassword: signUpSchema.shape.password,
});

/**
 * `DELETE /api/me`: the account's current password, which an account without one (single sign-on
 * only) leaves out. Checked on the server: a session cookie alone must not delete an account.
 */
export const deleteAccountSchema = z.strictObject({
  password: z.string({ error: "Type your password" }).max(1024).optional(),
});

/** `POST /api/auth/password-reset`. */
export const passwordResetRequestSchema = z.strictObject({ email: signUpSchema.shape.email });

const token = z
  .string({ error: "The link's token is missing" })
  .min(1, "The link's token is missing")
  .max(200, "The link's token is not valid");

/** `POST /api/auth/password-reset/confirm`. */
export const passwordResetConfirmSchema = z.strictObject({
  token,
  password: signUpSchema.shape.password,
});

/** The verification page's confirm button. */
export const verifyEmailSchema = z.strictObject({ token });

/** The "send the link again" form. */
export const resendVerificationSchema = z.strictObject({ email: signUpSchema.shape.email });

/** The weekly digest switch on /account. */
export const digestPreferenceSchema = z.strictObject({
  weeklyDigest: z.enum(["on", "off"], { error: "Choose on or off" }),
});
