import { z } from "zod";
import { signUpSchema } from "./auth";

export const changePasswordSchema = z.strictObject({
  currentPassword: z
    .string({ error: "Current password is required" })
    .min(1, "Current password is required")
    .max(1024),
  newPassword: signUpSchema.shape.password,
});
