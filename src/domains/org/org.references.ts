/**
 * Refusing deletes that would orphan records: what still refers to a unit, person or town is
 * counted (src/db/references.ts) and named in Chinese, so an office worker learns what to move
 * first instead of getting a server error from the foreign key.
 */
import type { Kysely } from 'kysely';
import { Conflict } from '../../core/errors.ts';
import { referencesTo, type Reference } from '../../db/references.ts';
import type { DB } from '../../db/schema.ts';
import { nounOf } from '../../http/database-errors.ts';

/**
 * Measure word and noun per referring table (and column, where one table refers twice); null
 * for rows that block but need no naming (a chain head exists exactly when its entries do).
 */
const LABELS: Record<string, [string, string] | null> = {
  unit: ['个', '下级单位'],
  'unit.town_id': ['个', '单位'],
  person: ['名', '人员'],
  position: ['个', '职务'],
  village_liaison: ['条', '包联记录'],
  app_user: ['个', '登录账号'],
  'user_role.scope_unit_id': ['个', '账号的授权范围'],
  'user_role.scope_town_id': ['个', '账号授权'],
  login_name: ['个', '登录名'],
  // Global directories of townless lookups: each row exists exactly when its tenant row does.
  public_tracking_code: null,
  public_photo_token: null,
  open311_key_hash: null,
  session: ['个', '登录会话'],
  audit_entry: ['条', '审计记录'],
  audit_head: null,
  appeal: ['件', '诉求工单'],
  appeal_event: ['条', '工单办理记录'],
  appeal_reminder: ['条', '催办记录'],
  appeal_attachment: ['个', '工单附件'],
  appeal_problem: ['个', '问题清单'],
  appeal_commitment: ['项', '承诺事项'],
  appeal_bulletin_issue: ['期', '分析通报'],
  ledger_type: ['个', '台账类型'],
  ledger_record: ['条', '台账记录'],
  attachment: ['个', '附件'],
  report: ['份', '述职报告'],
  report_template: ['个', '述职报告模板'],
  imported_report: ['份', '导入的述职报告'],
};

function labelKey(ref: Reference): string | undefined {
  const column = ref.columns.find((c) => c !== 'town_id') ?? ref.columns[0]!;
  return [`${ref.table}.${column}`, ref.table].find((k) => k in LABELS);
}

/** Tables without their own wording here take their Chinese name from the schema-wide list. */
function labelOf(ref: Reference): [string, string] | null {
  const key = labelKey(ref);
  return key ? LABELS[key]! : ['条', nounOf(ref.table) ?? '其他业务记录'];
}

/** The organisation first (in LABELS order: sub-units, people, positions …), then records. */
function byLabelOrder(a: Reference, b: Reference): number {
  const keys = Object.keys(LABELS);
  const rank = (r: Reference) => {
    const key = labelKey(r);
    return key ? keys.indexOf(key) : keys.length;
  };
  return rank(a) - rank(b);
}

/** "3 名人员、2 个职务": counts of the same label are added up. */
export function describeReferences(refs: readonly Reference[]): string {
  const byLabel = new Map<string, { measure: string; count: number }>();
  for (const ref of [...refs].sort(byLabelOrder)) {
    const label = labelOf(ref);
    if (!label) continue;
    const [measure, noun] = label;
    const seen = byLabel.get(noun);
    byLabel.set(noun, { measure, count: (seen?.count ?? 0) + ref.count });
  }
  return (
    [...byLabel].map(([noun, { measure, count }]) => `${count} ${measure}${noun}`).join('、') ||
    '其他数据'
  );
}

/**
 * Throws 409 naming what still refers to the row; `message` words it, e.g.
 * (what) => `该单位下还有 ${what}，请先调整后再删除` → “该单位下还有 3 名人员、2 个职务，请先调整后再删除”.
 */
export async function assertUnreferenced(
  db: Kysely<DB>,
  table: string,
  key: Record<string, string>,
  message: (what: string) => string,
): Promise<void> {
  const refs = await referencesTo(db, table, key);
  if (refs.length) throw new Conflict(message(describeReferences(refs)));
}
