/**
 * Files a workflow step cites through its declared `file` fields (答复意见书、调解协议书的扫描件):
 * uploaded to the order first (appeal-attachments.service.ts), then named by id in the step's payload.
 * The server accepts only files of this very order and town, and ties them to the step's event so
 * the 附件 list says which step they document.
 */
import type { Kysely } from 'kysely';
import { InvalidInput } from '../../core/errors.ts';
import type { FieldSpec } from '../../core/workflow/fields.ts';
import type { DB } from '../../db/schema.ts';
import * as files from './appeal-attachment.repository.ts';

type Db = Kysely<DB>;

/**
 * The files a step's `file` fields cite (答复意见书、调解协议书的扫描件 …): each must be an
 * attachment uploaded to this very order (another order's or town's file is refused, naming the
 * field). Returns their ids, to be tied to the step's event once it is written.
 */
export async function citedFiles(
  db: Db,
  townId: string,
  appealId: string,
  fields: readonly FieldSpec[],
  values: Record<string, unknown>,
): Promise<string[]> {
  const cited: string[] = [];
  for (const f of fields) {
    const v = values[f.name];
    if (f.type !== 'file' || !Array.isArray(v)) continue;
    const ids = [...new Set(v.map(String))];
    const found = await files.idsOfOrder(db, townId, appealId, ids);
    if (found.length < ids.length)
      throw new InvalidInput(`${f.label}须是已上传到本工单的附件`, [
        {
          path: `payload.${f.name}`,
          label: f.label,
          message: `${f.label}中有${ids.length - found.length}个文件不是本工单的附件，请重新上传`,
        },
      ]);
    cited.push(...ids);
  }
  return cited;
}

/** Ties cited files not yet tied to a step to event `seq` (a file already shown on a step stays there). */
export async function linkCitedFiles(
  db: Db,
  townId: string,
  appealId: string,
  seq: number,
  ids: string[],
): Promise<void> {
  if (ids.length) await files.linkToEvent(db, townId, appealId, seq, ids);
}
