/** Rows of a cursor-paged list endpoint: the first page whenever `deps` change, more on demand. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useApiErrorHandler } from './errors.ts';

export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * `fetchPage(after)` loads the page after a cursor (`null`: the first); pass `null` to load nothing
 * (e.g. while a drawer is closed). Errors go to the app's error handler.
 */
export function useCursorPages<T>(
  fetchPage: ((after: string | null) => Promise<CursorPage<T>>) | null,
  deps: unknown[],
) {
  const onError = useApiErrorHandler();
  const [rows, setRows] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;

  const load = useCallback(
    async (after: string | null) => {
      const fetch = fetchRef.current;
      if (!fetch) return;
      setLoading(true);
      try {
        const page = await fetch(after);
        setRows((prev) => (after ? [...prev, ...page.items] : page.items));
        setCursor(page.nextCursor);
      } catch (err) {
        onError(err);
      } finally {
        setLoading(false);
      }
    },
    [onError],
  );

  useEffect(() => {
    setRows([]);
    setCursor(null);
    void load(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  return { rows, cursor, loading, loadMore: () => void load(cursor) };
}
