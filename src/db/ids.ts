/** Ids are UUIDv7 made by the app: time-ordered, no sequence contention, safe to merge (DESIGN 3). */
import { v7 } from 'uuid';

export function newId(): string {
  return v7();
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
