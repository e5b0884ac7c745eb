import { parseNote } from "@/lib/content/parse-note";

/** "Net", the small note the team and assignment tests quiz on: one AWS and one customer control. */
export function netNote() {
  return parseNote({
    file: "Net.md",
    source:
      "## AWS Responsibilities\n- **Edge**: AWS runs it.\n## Customer Responsibilities\n- **Firewall**: You set it.\n",
  });
}
