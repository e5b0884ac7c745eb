import "server-only";
import { randomUUID } from "node:crypto";
import type { ExtractedItem, ParsedNote } from "@/lib/content/types";
import type { Db } from "@/server/db/client";
import { insertRows } from "@/server/db/bulk-insert";
import { renameNotes } from "@/server/quiz/rename-notes";
import { transaction } from "@/server/db/transaction";

export interface SyncReport {
  notes: number;
  created: number;
  revised: number;
  retired: number;
  unchanged: number;
}

type ItemContent = Pick<ExtractedItem, "prompt" | "description" | "detail" | "owner" | "anchor"> & {
  sourceTitle: string | null;
  sourceUrl: string | null;
  serviceModel: string | null;
  answerKey: string | null;
  /** The ItemSpec as stored: JSON text. */
  spec: string | null;
};

function contentOf(item: ExtractedItem): ItemContent {
  return {
    prompt: item.prompt,
    description: item.description,
    detail: item.detail,
    sourceTitle: item.citation?.title ?? null,
    sourceUrl: item.citation?.url ?? null,
    owner: item.owner,
    anchor: item.anchor,
    serviceModel: item.serviceModel ?? null,
    answerKey: item.answerKey ?? null,
    spec: item.spec ? JSON.stringify(item.spec) : null,
  };
}

function sameContent(a: ItemContent, b: ItemContent): boolean {
  return (
    a.prompt === b.prompt &&
    a.description === b.description &&
    a.detail === b.detail &&
    a.sourceTitle === b.sourceTitle &&
    a.sourceUrl === b.sourceUrl &&
    a.owner === b.owner &&
    a.anchor === b.anchor &&
    a.serviceModel === b.serviceModel &&
    a.answerKey === b.answerKey &&
    a.spec === b.spec
  );
}

const CHUNK = 500;

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

/**
 * Brings the database's notes and quiz items in line with the content, idempotently, keyed by note
 * slug and item key. A changed wording or owner becomes a new item version (attempts keep the version
 * they answered); an item whose bullet is gone is retired, never deleted, so its history stays.
 */
export async function syncContent(
  db: Db,
  notes: ParsedNote[],
  now = new Date(),
): Promise<SyncReport> {
  return transaction(
    db,
    async (tx) => {
      await renameNotes(tx, notes);
      const report: SyncReport = {
        notes: notes.length,
        created: 0,
        revised: 0,
        retired: 0,
        unchanged: 0,
      };
      const known = new Map(
        (await tx.note.findMany({ select: { slug: true, title: true, retiredAt: true } })).map(
          (n) => [n.slug, n],
        ),
      );
      const present = new Set(notes.map((n) => n.slug));

      const newNotes = notes.filter((n) => !known.has(n.slug)).map((n) => [n.slug, n.title, now]);
      await insertRows(tx, "Note", ["slug", "title", "updatedAt"], newNotes);
      for (const note of notes) {
        const before = known.get(note.slug);
        if (before && (before.title !== note.title || before.retiredAt)) {
          await tx.note.update({
            where: { slug: note.slug },
            data: { title: note.title, retiredAt: null },
          });
        }
      }
      const gone = [...known.values()]
        .filter((n) => !present.has(n.slug) && !n.retiredAt)
        .map((n) => n.slug);
      if (gone.length > 0)
        await tx.note.updateMany({ where: { slug: { in: gone } }, data: { retiredAt: now } });

      const existing = await tx.item.findMany();
      const byKey = new Map(existing.map((item) => [`${item.noteSlug}\u0000${item.key}`, item]));
      const seen = new Set<string>();
      const newItems: Array<Array<string | number | null>> = [];
      const newVersions: Array<Array<string | number | Date | null>> = [];

      for (const note of notes) {
        note.items.forEach((extracted, position) => {
          const key = `${note.slug}\u0000${extracted.key}`;
          seen.add(key);
          const content = contentOf(extracted);
          const item = byKey.get(key);
          if (!item) {
            const id = randomUUID();
            const versionId = randomUUID();
            const {
              prompt,
              description,
              detail,
              sourceTitle,
              sourceUrl,
              owner,
              anchor,
              serviceModel,
              answerKey,
              spec,
            } = content;
            newItems.push([
              id,
              note.slug,
              extracted.key,
              extracted.kind,
              position,
              1,
              versionId,
              prompt,
              description,
              detail,
              sourceTitle,
              sourceUrl,
              owner,
              anchor,
              serviceModel,
              answerKey,
              spec,
            ]);
            newVersions.push([
              versionId,
              id,
              1,
              prompt,
              description,
              detail,
              sourceTitle,
              sourceUrl,
              owner,
              anchor,
              serviceModel,
              answerKey,
              spec,
              now,
            ]);
            report.created++;
          }
        });
      }
      await insertRows(
        tx,
        "Item",
        [
          "id",
          "noteSlug",
          "key",
          "kind",
          "position",
          "version",
          "currentVersionId",
          "prompt",
          "description",
          "detail",
          "sourceTitle",
          "sourceUrl",
          "owner",
          "anchor",
          "serviceModel",
          "answerKey",
          "spec",
        ],
        newItems,
      );
      await insertRows(
        tx,
        "ItemVersion",
        [
          "id",
          "itemId",
          "version",
          "prompt",
          "description",
          "detail",
          "sourceTitle",
          "sourceUrl",
          "owner",
          "anchor",
          "serviceModel",
          "answerKey",
          "spec",
          "createdAt",
        ],
        newVersions,
      );

      for (const note of notes) {
        for (const [position, extracted] of note.items.entries()) {
          const item = byKey.get(`${note.slug}\u0000${extracted.key}`);
          if (!item) continue;
          const content = contentOf(extracted);
          const changed = !sameContent(item, content);
          if (
            !changed &&
            item.position === position &&
            !item.retiredAt &&
            item.kind === extracted.kind
          ) {
            report.unchanged++;
            continue;
          }
          if (changed) {
            const version = await tx.itemVersion.create({
              data: { itemId: item.id, version: item.version + 1, ...content },
            });
            await tx.item.update({
              where: { id: item.id },
              data: {
                ...content,
                kind: extracted.kind,
                position,
                version: version.version,
                currentVersionId: version.id,
                retiredAt: null,
              },
            });
            report.revised++;
          } else {
            await tx.item.update({
              where: { id: item.id },
              data: { position, kind: extracted.kind, retiredAt: null },
            });
            report.unchanged++;
          }
        }
      }

      const retire = existing
        .filter((item) => !item.retiredAt && !seen.has(`${item.noteSlug}\u0000${item.key}`))
        .map((item) => item.id);
      for (const ids of chunks(retire))
        await tx.item.updateMany({ where: { id: { in: ids } }, data: { retiredAt: now } });
      report.retired = retire.length;
      return report;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
