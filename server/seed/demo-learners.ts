import type { Owner } from "@/lib/content/types";

/**
 * The Demo Team's learners and what each did over the last four weeks, so that an instructor's first
 * look at the dashboard shows what it is for: scores that improve, a misconception that persists,
 * mastery that grows, and one learner who stopped coming and is overdue on reviews.
 */
export interface DemoSession {
  /** How long before the seed ran, in days (fractions allowed): every date is in the past. */
  daysAgo: number;
  /** Lessons read at the start of the session. */
  read?: string[];
  /** A quiz taken, and the share of its items answered right (before the misconception). */
  quiz?: { slug: string; accuracy: number };
  /** Reviews of everything due, with this share answered right. */
  review?: number;
  /**
   * The share of the quiz's answers given as "sure" (the rest "unsure"); a misconception's answer is
   * always sure. Without it the answers carry no confidence, as before confidence existed.
   */
  sure?: number;
}

export interface DemoLearner {
  email: string;
  name: string;
  /**
   * Answers the learner keeps giving: items owned by `owner` are put with `answer`, and the `owner`
   * half of a Shared control is given the `answer` half's statement.
   */
  misconception?: { owner: Owner; answer: Owner; rate: number };
  sessions: DemoSession[];
}

const SRM = "aws-shared-responsibility-model";
const IAM = "aws-iam";
const KMS = "aws-key-management-service-kms";
const SHIELD = "aws-shield";
const TRAIL = "aws-cloudtrail";
const WATCH = "amazon-cloudwatch";
const ARTIFACT = "aws-artifact";
const IAAS = "infrastructure-as-a-service-iaas";
const PAAS = "platform-as-a-service-paas";
const SAAS = "software-as-a-service-saas";
const COMPARED = "service-models-compared";
// Notes with split halves (Shared controls with an AWS half and a customer half).
const EC2 = "amazon-ec2";
const S3 = "amazon-s3";

export const DEMO_LEARNERS: DemoLearner[] = [
  {
    // Improves week by week, and reviews: ends with notes Proficient and Mastered.
    email: "priya.raman@example.com",
    name: "Priya Raman",
    sessions: [
      { daysAgo: 27.3, read: [SRM], quiz: { slug: SRM, accuracy: 0.55 } },
      { daysAgo: 25.2, read: [IAM], quiz: { slug: IAM, accuracy: 0.6 } },
      { daysAgo: 20.4, quiz: { slug: SRM, accuracy: 0.75 }, review: 0.7 },
      { daysAgo: 17.1, quiz: { slug: IAM, accuracy: 1 }, review: 0.8 },
      { daysAgo: 13.3, read: [KMS], quiz: { slug: SRM, accuracy: 0.9 }, review: 0.85 },
      { daysAgo: 10.2, quiz: { slug: KMS, accuracy: 0.75 }, review: 1 },
      { daysAgo: 6.4, read: [COMPARED, IAAS], quiz: { slug: SRM, accuracy: 1 }, review: 0.9 },
      { daysAgo: 4.2, quiz: { slug: KMS, accuracy: 1 }, review: 1 },
      { daysAgo: 1.3, read: [PAAS], quiz: { slug: IAAS, accuracy: 0.85 }, review: 1 },
      { daysAgo: 0.9, read: [EC2], quiz: { slug: EC2, accuracy: 0.8 }, sure: 0.6 },
    ],
  },
  {
    // Keeps giving AWS the customer's work: encryption choices, key policies, access reviews.
    email: "marcus.chen@example.com",
    name: "Marcus Chen",
    misconception: { owner: "CUSTOMER", answer: "AWS", rate: 0.8 },
    sessions: [
      { daysAgo: 26.1, read: [SRM, IAM], quiz: { slug: IAM, accuracy: 0.95 } },
      { daysAgo: 21.3, quiz: { slug: KMS, accuracy: 0.95 }, review: 0.9 },
      { daysAgo: 16.2, read: [KMS], quiz: { slug: IAM, accuracy: 1 }, review: 0.95 },
      { daysAgo: 12.4, quiz: { slug: SRM, accuracy: 0.95 }, review: 0.95 },
      { daysAgo: 8.3, quiz: { slug: KMS, accuracy: 1 }, review: 0.95 },
      { daysAgo: 2.2, read: [SHIELD], quiz: { slug: SHIELD, accuracy: 1 }, review: 0.95 },
      // Sure of it, too: the customer's half of each Shared control goes to AWS.
      { daysAgo: 1.6, read: [EC2], quiz: { slug: EC2, accuracy: 0.9 }, sure: 0.7 },
    ],
  },
  {
    // Quick and thorough: most notes Proficient, several Mastered through reviews.
    email: "sofia.alvarez@example.com",
    name: "Sofia Alvarez",
    sessions: [
      { daysAgo: 24.2, read: [SRM, IAM], quiz: { slug: SRM, accuracy: 0.85 } },
      { daysAgo: 23.1, quiz: { slug: IAM, accuracy: 1 } },
      { daysAgo: 19.3, read: [KMS, SHIELD], quiz: { slug: SRM, accuracy: 1 }, review: 1 },
      { daysAgo: 15.4, quiz: { slug: KMS, accuracy: 1 }, review: 1 },
      { daysAgo: 11.2, read: [TRAIL, WATCH], quiz: { slug: SHIELD, accuracy: 1 }, review: 1 },
      { daysAgo: 7.3, quiz: { slug: TRAIL, accuracy: 0.85 }, review: 1 },
      { daysAgo: 4.1, read: [ARTIFACT], quiz: { slug: TRAIL, accuracy: 1 }, review: 1 },
      { daysAgo: 0.2, quiz: { slug: WATCH, accuracy: 1 }, review: 1 },
      { daysAgo: 0.1, read: [S3], quiz: { slug: S3, accuracy: 0.9 }, sure: 0.8 },
    ],
  },
  {
    // A good first week, then nothing: reviews have waited three weeks.
    email: "tom.okafor@example.com",
    name: "Tom Okafor",
    sessions: [
      { daysAgo: 27.4, read: [SRM], quiz: { slug: SRM, accuracy: 0.7 } },
      { daysAgo: 25.3, read: [IAM], quiz: { slug: IAM, accuracy: 0.75 }, review: 0.7 },
      { daysAgo: 23.2, read: [IAAS], quiz: { slug: IAAS, accuracy: 0.65 } },
    ],
  },
  {
    // Puts shared controls with the customer alone; slowly getting better at the rest.
    email: "hannah.schmidt@example.com",
    name: "Hannah Schmidt",
    misconception: { owner: "SHARED", answer: "CUSTOMER", rate: 0.85 },
    sessions: [
      { daysAgo: 22.2, read: [SRM], quiz: { slug: SRM, accuracy: 0.6 } },
      { daysAgo: 18.3, read: [IAAS, PAAS], quiz: { slug: PAAS, accuracy: 0.7 }, review: 0.7 },
      { daysAgo: 13.1, quiz: { slug: SRM, accuracy: 0.8 }, review: 0.8 },
      { daysAgo: 9.2, read: [SAAS], quiz: { slug: SAAS, accuracy: 0.85 }, review: 0.85 },
      { daysAgo: 3.3, quiz: { slug: PAAS, accuracy: 0.9 }, review: 0.9 },
      // The service-model matrix again, and halves: sure of some answers now, right or not.
      { daysAgo: 2.6, quiz: { slug: SRM, accuracy: 0.9 }, sure: 0.5 },
      { daysAgo: 2.4, read: [S3, EC2], quiz: { slug: EC2, accuracy: 0.7 }, sure: 0.5 },
    ],
  },
  {
    // Joined late: two lessons read, one quiz, reviews waiting a few days (due, not yet overdue).
    email: "jonas.berg@example.com",
    name: "Jonas Berg",
    sessions: [
      { daysAgo: 5.3, read: [SRM, COMPARED] },
      { daysAgo: 4.4, quiz: { slug: SRM, accuracy: 0.65 } },
    ],
  },
];
