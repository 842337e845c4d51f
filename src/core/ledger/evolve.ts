/**
 * Ledger type versioning: which changes a new version of a type may make so that every record
 * written under an older version still reads. Fields are never deleted (they are marked
 * removed), never change type incompatibly, and enum options never lose a code in use.
 */
import { InvalidInput, type FieldIssue } from '../errors.ts';
import {
  ledgerTypeSchema,
  type LedgerField,
  type LedgerType,
  type LedgerTypeInput,
} from './type.ts';

/** Type changes a stored value survives without rewriting: widening only. */
const compatibleChanges: Record<string, readonly LedgerField['type'][]> = {
  text: ['text', 'long_text'],
  long_text: ['long_text'],
  number: ['number'],
  money: ['money'],
  date: ['date'],
  enum: ['enum', 'text', 'long_text'],
  boolean: ['boolean'],
  person: ['person'],
  unit: ['unit'],
  attachment: ['attachment'],
};

function fieldChangeIssues(before: LedgerField, after: LedgerField): string[] {
  if (!compatibleChanges[before.type]?.includes(after.type)) {
    return [`字段“${before.label}”不能从 ${before.type} 改为 ${after.type}，已有记录将无法读取`];
  }
  const problems: string[] = [];
  if (before.type === 'number' && after.type === 'number' && !before.integer && after.integer) {
    problems.push(`字段“${before.label}”已有小数记录，不能改为整数`);
  }
  if (before.type === 'enum' && after.type === 'enum') {
    const kept = new Set(after.options.map((o) => o.code));
    const lost = before.options.filter((o) => !kept.has(o.code)).map((o) => o.label);
    if (lost.length > 0) problems.push(`字段“${before.label}”的选项不能删除：${lost.join('、')}`);
  }
  return problems;
}

/**
 * Validates `next` as the successor of `old` and returns it with every field `old` had that
 * `next` omits carried over as removed, so old records keep their values readable. Rules
 * (composite unique, date gaps) carry over when `next` does not state them; `rules: []` clears.
 */
export function evolveType(old: LedgerType, next: LedgerTypeInput): LedgerType {
  if (next.rules === undefined) next = { ...next, rules: old.rules };
  const nextKeys = new Set(next.fields.map((f) => f.key));
  const carried = old.fields
    .filter((f) => !nextKeys.has(f.key))
    .map((f): LedgerField => ({ ...f, removed: true, required: false, unique: false }));
  const parsed = ledgerTypeSchema.safeParse({ ...next, fields: [...next.fields, ...carried] });
  if (!parsed.success) {
    throw new InvalidInput(
      `“${old.name}”的新版本不合法`,
      parsed.error.issues.map((e) => ({
        path: e.path.join('.'),
        label: '台账类型',
        message: e.message,
      })),
    );
  }

  const issues: FieldIssue[] = [];
  const add = (path: string, label: string, message: string) =>
    issues.push({ path, label, message });
  if (parsed.data.code !== old.code) add('code', '台账类型标识', '台账类型的标识不能修改');
  if (parsed.data.version <= old.version) add('version', '版本', `新版本号应大于 ${old.version}`);
  parsed.data.fields.forEach((after, i) => {
    const before = old.fields.find((f) => f.key === after.key);
    if (before)
      for (const message of fieldChangeIssues(before, after))
        add(`fields.${i}`, before.label, message);
  });
  if (issues.length > 0) throw new InvalidInput(`“${old.name}”的修改会使已有记录无法读取`, issues);
  return parsed.data;
}
