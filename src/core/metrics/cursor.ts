/**
 * Drill-down cursors: an opaque token for the last (period date, id) a page showed, so the next
 * page is a keyset query instead of an OFFSET that gets slower and skips rows under inserts.
 */
import { Malformed } from '../errors.ts';

export interface CursorPosition {
  /** The period date (or timestamp) as SQL text, exactly as the drill-down returned it. */
  date: string;
  id: string;
}

export function encodeCursor(pos: CursorPosition): string {
  return Buffer.from(JSON.stringify({ d: pos.date, i: pos.id }), 'utf8').toString('base64url');
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function decodeCursor(token: string): CursorPosition {
  const bad = () =>
    new Malformed('分页游标无效，请从第一页重新查询', [
      { path: 'cursor', label: '分页游标', message: '游标无效' },
    ]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (typeof parsed !== 'object' || parsed === null) throw bad();
  const { d, i } = parsed as { d?: unknown; i?: unknown };
  if (typeof d !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(d) || d.length > 40) throw bad();
  if (typeof i !== 'string' || !UUID_RE.test(i)) throw bad();
  return { date: d, id: i };
}

/** One page of drill-down rows; the query fetched `limit + 1` rows to learn whether more exist. */
export function takePage<R extends { id: string; period_key: string }>(
  rows: readonly R[],
  limit: number,
): { rows: R[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    rows: page,
    nextCursor:
      rows.length > limit && last ? encodeCursor({ date: last.period_key, id: last.id }) : null,
  };
}
