import { z } from "zod";

/** The file name a preview takes when the author gives none. */
export const DEFAULT_PREVIEW_FILE = "Preview.md";
export const PREVIEW_FILE_MAX = 120;

const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/**
 * A note's file name, as the content folder would hold it: it gives the title when the note has no
 * heading, and names the lines of every warning. `.md` is added when it has no extension. An `.mdx`
 * lesson may hold JSX, which runs as code, so it is written in the repository and never previewed
 * from a paste.
 */
const previewFileSchema = z
  .string({ error: "File name must be text" })
  .trim()
  .max(PREVIEW_FILE_MAX, `File name must be at most ${PREVIEW_FILE_MAX} characters`)
  .refine((name) => !CONTROL_CHARACTERS.test(name), "File name must not contain control characters")
  .refine((name) => !/[\\/]/.test(name), "File name must not contain / or \\: give a name only")
  .refine((name) => !name.startsWith("."), "File name must not start with a dot")
  .refine(
    (name) => !/\.mdx$/i.test(name),
    "Only .md notes can be previewed: an .mdx lesson may run code, so it is written in the repository",
  )
  .transform((name) =>
    name === "" ? DEFAULT_PREVIEW_FILE : /\.md$/i.test(name) ? name : `${name}.md`,
  );

/**
 * `POST /api/authoring/preview` and the preview page's form: a note's markdown and, optionally, its
 * file name. Its size is checked apart (lib/content/note-size.ts), as a 413 rather than a field.
 */
export const previewNoteSchema = z.strictObject({
  file: previewFileSchema.optional().transform((file) => file ?? DEFAULT_PREVIEW_FILE),
  source: z
    .string({ error: "The note must be text: paste it, or choose a .md file" })
    .refine((source) => source.trim() !== "", "The note is empty: paste it, or choose a .md file"),
});

export type PreviewNoteInput = z.infer<typeof previewNoteSchema>;
