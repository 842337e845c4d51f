/**
 * A list paged with the server's cursors and 上一页/下一页: the cursors of the pages seen so far
 * (the first page has none), back to the first page whenever the filters (`deps`) change.
 */
import { useState } from 'react';
import type { Page } from './client.ts';
import { depsKey } from './loading.ts';
import { useLoader } from './useLoader.ts';

export function usePagedList<T>(
  load: (cursor: string | undefined, signal: AbortSignal) => Promise<Page<T>>,
  deps: readonly unknown[],
) {
  const key = depsKey(deps);
  const [stack, setStack] = useState<{ key: string; cursors: (string | undefined)[] }>({
    key,
    cursors: [undefined],
  });
  // Other filters than the cursors were collected for: start again from the first page.
  const cursors = stack.key === key ? stack.cursors : [undefined];
  const cursor = cursors[cursors.length - 1];
  const page = useLoader((signal) => load(cursor, signal), [key, cursor]);
  const nextCursor = page.data?.nextCursor ?? null;
  return {
    rows: page.data?.items ?? [],
    loading: page.loading,
    reload: page.reload,
    /** 1-based number of the page shown. */
    number: cursors.length,
    hasNext: !!nextCursor,
    prev: () => setStack({ key, cursors: cursors.slice(0, -1) }),
    next: () => nextCursor && setStack({ key, cursors: [...cursors, nextCursor] }),
    restart: () => setStack({ key, cursors: [undefined] }),
  };
}
