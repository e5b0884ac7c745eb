import { z } from "zod";
import { plainText } from "./common";

export const PASSWORD_MIN_LENGTH = 10;

const email = z
  .string({ error: "Email is required" })
  .trim()
  .max(254, "Email is too long")
  .pipe(z.email({ error: "Enter a valid email address, like name@example.com" }))
  .transform((value) => value.toLowerCase());

export const signInSchema = z.object({
  email,
  password: z
    .string({ error: "Password is required" })
    .min(1, "Password is required")
    .max(1024, "Password is too long"),
});

export const signUpSchema = z.object({
  email,
  name: plainText("Name", 80),
  password: z
    .string({ error: "Password is required" })
    .min(PASSWORD_MIN_LENGTH, `Password must be at least ${PASSWORD_MIN_LENGTH} characters`)
    .max(1024, "Password must be at most 1024 characters"),
});

export type SignUpInput = z.infer<typeof signUpSchema>;
