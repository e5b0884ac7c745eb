import "vitest";

declare module "vitest" {
  interface TaskMeta {
    /** How many cases a reliability test tried, for the README's generated table. */
    cases?: number;
  }
}
