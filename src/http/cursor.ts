/**
 * Reading a list's cursor strictly: absent is the first page; anything that is not a cursor this
 * list handed out (not base64url JSON, or not the list's shape) is a 400. Ignoring it would quietly
 * restart the list, and a caller paging through would see rows twice.
 */
import { Malformed } from '../core/errors.ts';
import { decodeCursor } from './openapi.ts';

type Part = 'string' | 'number';
type Parts<S extends readonly Part[]> = {
  -readonly [K in keyof S]: S[K] extends 'number' ? number : string;
};

export function readCursor<const S extends readonly Part[]>(
  cursor: string | undefined,
  shape: S,
): Parts<S> | null {
  if (!cursor) return null;
  const parts = decodeCursor(cursor);
  if (!parts || parts.length !== shape.length || parts.some((p, i) => typeof p !== shape[i])) {
    throw new Malformed('分页游标无效，请从第一页重新查询', [
      { path: 'cursor', label: '分页游标', message: '不是本列表给出的游标' },
    ]);
  }
  return parts as Parts<S>;
}
