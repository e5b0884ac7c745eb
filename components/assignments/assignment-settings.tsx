import { FieldError } from "@/components/ui/field-error";
import {
  REVIEW_ANSWERS,
  TARGET_MASTERY,
  type AssignmentKindName,
  type ReviewAnswersName,
  type TargetMastery,
} from "@/lib/contracts/assignments";
import { REVIEW_LABELS } from "@/lib/assignments/assignment-form";
import { targetLabel } from "@/lib/assignments/status";

export interface SettingDefaults {
  targetMastery: TargetMastery;
  size: number | "";
  timeLimitMinutes: number | "";
  attemptsAllowed: number | "";
  reviewAnswers: ReviewAnswersName;
}

/**
 * The settings of one kind of assignment, the same in the "Assign work" and "Edit" forms: the target
 * mastery of a notes assignment; a practice test's size, time limit, attempts and review options.
 * Ids start with `idPrefix`, so that several forms on one page stay apart.
 */
export function AssignmentSettings({
  kind,
  idPrefix,
  fields,
  defaults,
}: {
  kind: AssignmentKindName;
  idPrefix: string;
  fields: Record<string, string[]>;
  defaults: SettingDefaults;
}) {
  const id = (name: string) => `${idPrefix}-${name}`;
  const input = (name: string, hint = false) => ({
    name,
    id: id(name),
    "aria-describedby": `${hint ? `${id(name)}-hint ` : ""}${id(name)}-error`,
    "aria-invalid": Boolean(fields[name]) || undefined,
  });
  const error = (name: string) => <FieldError id={`${id(name)}-error`} messages={fields[name]} />;

  if (kind === "notes")
    return (
      <fieldset className="assign-choice" aria-describedby={`${id("targetMastery")}-error`}>
        <legend>Target mastery, for every lesson</legend>
        <div className="practice-segments">
          {TARGET_MASTERY.map((target) => (
            <label key={target} className="practice-segment">
              <input
                type="radio"
                name="targetMastery"
                value={target}
                defaultChecked={target === defaults.targetMastery}
              />
              <span>{targetLabel(target)}</span>
            </label>
          ))}
        </div>
        {error("targetMastery")}
      </fieldset>
    );

  return (
    <div className="assign-practice">
      <div className="field">
        <label htmlFor={id("size")}>Number of questions</label>
        <input
          {...input("size")}
          type="number"
          inputMode="numeric"
          min={1}
          max={200}
          defaultValue={defaults.size}
        />
        {error("size")}
      </div>
      <div className="field">
        <label htmlFor={id("timeLimitMinutes")}>Time limit in minutes (optional)</label>
        <input
          {...input("timeLimitMinutes", true)}
          type="number"
          inputMode="numeric"
          min={1}
          max={480}
          defaultValue={defaults.timeLimitMinutes}
        />
        <p id={`${id("timeLimitMinutes")}-hint`} className="field-hint">
          Empty for no limit.
        </p>
        {error("timeLimitMinutes")}
      </div>
      <div className="field">
        <label htmlFor={id("attemptsAllowed")}>Attempts allowed</label>
        <input
          {...input("attemptsAllowed")}
          type="number"
          inputMode="numeric"
          min={1}
          max={20}
          defaultValue={defaults.attemptsAllowed}
        />
        {error("attemptsAllowed")}
      </div>
      <fieldset className="assign-choice" aria-describedby={`${id("reviewAnswers")}-error`}>
        <legend>Show the right answers and explanations</legend>
        {REVIEW_ANSWERS.map((review) => (
          <label key={review} className="practice-check">
            <input
              type="radio"
              name="reviewAnswers"
              value={review}
              defaultChecked={review === defaults.reviewAnswers}
            />
            <span>{REVIEW_LABELS[review][0].toUpperCase() + REVIEW_LABELS[review].slice(1)}</span>
          </label>
        ))}
        {error("reviewAnswers")}
      </fieldset>
    </div>
  );
}
