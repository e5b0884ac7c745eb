/** Whether a Prisma error is a unique constraint refusing a second row with the same key. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string })?.code === "P2002";
}
