import { afterEach, describe, expect, it } from "vitest";
import { createAssignmentSchema, updateAssignmentSchema } from "@/lib/validation/assignments";
import {
  assignmentInputFromForm,
  assignmentUpdateFromForm,
  isoToLocalInput,
  localInputToIso,
  type AssignmentFormFields,
} from "./assignment-form";

const blank: AssignmentFormFields = {
  kind: null,
  title: null,
  noteSlugs: [],
  targetMastery: null,
  size: null,
  timeLimitMinutes: null,
  attemptsAllowed: null,
  reviewAnswers: null,
  dueAt: null,
  opensAt: null,
};

describe("localInputToIso and isoToLocalInput", () => {
  const zone = process.env.TZ;
  // Node reads TZ again whenever it changes, so each test can stand in a browser's time zone.
  afterEach(() => {
    process.env.TZ = zone;
  });

  it("reads what was typed in the browser's zone, half hours and summer time included", () => {
    process.env.TZ = "Asia/Kolkata";
    expect(localInputToIso("2026-11-29T17:00")).toBe("2026-11-29T11:30:00.000Z");
    process.env.TZ = "America/New_York";
    // Standard time in January, daylight saving time in July: the offset of the date typed counts.
    expect(localInputToIso("2027-01-15T09:00")).toBe("2027-01-15T14:00:00.000Z");
    expect(localInputToIso("2027-07-15T09:00")).toBe("2027-07-15T13:00:00.000Z");
  });

  it("gives back the input's value for an instant, in the same zone", () => {
    process.env.TZ = "America/New_York";
    expect(isoToLocalInput("2027-07-15T13:00:00.000Z")).toBe("2027-07-15T09:00");
    process.env.TZ = "Asia/Kolkata";
    expect(isoToLocalInput(localInputToIso("2026-12-31T23:59"))).toBe("2026-12-31T23:59");
  });

  it("passes text that is no date through, for the schema to refuse", () => {
    expect(localInputToIso("tomorrow")).toBe("tomorrow");
    expect(localInputToIso("2026-13-45T99:99")).toBe("2026-13-45T99:99");
  });
});

describe("assignmentInputFromForm", () => {
  it("sends a notes assignment with its target and no practice fields", () => {
    const input = assignmentInputFromForm({
      ...blank,
      kind: "notes",
      noteSlugs: ["aws-iam"],
      targetMastery: "PROFICIENT",
      size: "10",
      dueAt: "2026-11-29T11:30:00.000Z",
      opensAt: "",
      title: " ",
    });
    expect(input).toEqual({
      kind: "notes",
      noteSlugs: ["aws-iam"],
      targetMastery: "PROFICIENT",
      dueAt: "2026-11-29T11:30:00.000Z",
    });
    expect(createAssignmentSchema.safeParse(input).success).toBe(true);
  });

  it("sends a practice test with numbers as numbers and the review option", () => {
    const input = assignmentInputFromForm({
      ...blank,
      kind: "practice",
      noteSlugs: ["aws-iam", "amazon-s3"],
      targetMastery: "FAMILIAR",
      size: "12",
      timeLimitMinutes: "",
      attemptsAllowed: "2",
      reviewAnswers: "after_due",
      dueAt: "2026-11-29T11:30:00.000Z",
      opensAt: "2026-11-28T11:30:00.000Z",
    });
    expect(input).toEqual({
      kind: "practice",
      noteSlugs: ["aws-iam", "amazon-s3"],
      size: 12,
      attemptsAllowed: 2,
      reviewAnswers: "after_due",
      dueAt: "2026-11-29T11:30:00.000Z",
      opensAt: "2026-11-28T11:30:00.000Z",
    });
    expect(createAssignmentSchema.safeParse(input).success).toBe(true);
  });

  it("leaves what is wrong for the schema to name, field by field", () => {
    const parsed = createAssignmentSchema.safeParse(
      assignmentInputFromForm({ ...blank, kind: "practice", size: "ten", attemptsAllowed: "" }),
    );
    expect(parsed.success).toBe(false);
    const paths = new Set(parsed.error?.issues.map((issue) => String(issue.path[0])));
    expect([...paths].sort()).toEqual(["attemptsAllowed", "dueAt", "noteSlugs", "size"]);
  });
});

describe("assignmentUpdateFromForm", () => {
  it("opens an assignment now and removes a time limit when their fields are emptied", () => {
    const update = assignmentUpdateFromForm("practice", {
      ...blank,
      title: "Week 3",
      size: "5",
      attemptsAllowed: "1",
      timeLimitMinutes: "",
      reviewAnswers: "never",
      dueAt: "2026-12-01T09:00:00.000Z",
      opensAt: "",
    });
    expect(update).toEqual({
      title: "Week 3",
      size: 5,
      attemptsAllowed: 1,
      timeLimitMinutes: null,
      reviewAnswers: "never",
      dueAt: "2026-12-01T09:00:00.000Z",
      opensAt: null,
    });
    expect(updateAssignmentSchema.safeParse(update).success).toBe(true);
  });

  it("sends a notes assignment's target and never a practice field", () => {
    const update = assignmentUpdateFromForm("notes", {
      ...blank,
      targetMastery: "MASTERED",
      size: "5",
      dueAt: "2026-12-01T09:00:00.000Z",
    });
    expect(update).toEqual({
      targetMastery: "MASTERED",
      dueAt: "2026-12-01T09:00:00.000Z",
      opensAt: null,
    });
    expect(updateAssignmentSchema.safeParse(update).success).toBe(true);
  });
});
