import { evaluate } from "@mdx-js/mdx";
import type { MDXContent } from "mdx/types";
import * as runtime from "react/jsx-runtime";
import remarkGfm from "remark-gfm";
import { rehypeBlockedImages, rehypeNoteHtml } from "./note-html";
import { remarkLesson, type RemarkLessonOptions } from "./remark-lesson";

/**
 * Compiles a note into a React component. `.md` notes use MDX's markdown format, which has no JSX,
 * expressions or ESM, so a note's text can never run code; only `.mdx` files may hold JSX. A `.md`
 * note's few allowed HTML tags are parsed and the whole lesson sanitised (note-html.ts).
 */
export async function compileLesson(body: string, options: RemarkLessonOptions): Promise<MDXContent> {
  const { default: Content } = await evaluate(body, {
    ...runtime,
    format: options.note.format,
    remarkPlugins: [remarkGfm, [remarkLesson, options]],
    rehypePlugins: options.note.format === "md" ? rehypeNoteHtml() : [rehypeBlockedImages],
  });
  return Content;
}
