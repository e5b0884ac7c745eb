import type { CurrentUser } from "@/lib/contracts/session";
import type { Db } from "@/server/db/client";

/** An account called `name`, with `name@example.com`, as the session sees its user. */
export function createPerson(
  db: Db,
  name: string,
  role: CurrentUser["role"] = "LEARNER",
): Promise<CurrentUser> {
  return db.user.create({
    data: { email: `${name}@example.com`, name, passwordHash: "x", role },
    select: { id: true, name: true, email: true, role: true },
  });
}

/**
 * The accounts a test file makes, by name: `person("ada")` makes Ada and keeps her in `people`.
 * `db` is read when a person is made, since the database is opened in `beforeAll`.
 */
export function peopleOf(db: () => Db) {
  const people: Record<string, CurrentUser> = {};
  async function person(name: string, role: CurrentUser["role"] = "LEARNER") {
    people[name] = await createPerson(db(), name, role);
    return people[name];
  }
  return { people, person };
}
