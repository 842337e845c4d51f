/** Rows of a cursor-paged list endpoint: the first page whenever `deps` change, more on demand. */
import { useEffect, useEffectEvent, useReducer } from 'react';
import type { Page } from './client.ts';
import { useApiErrorHandler } from './errors.ts';
import { depsKey, NO_PAGES, pagesReducer, pagesView, type PagesState } from './loading.ts';

export type { Page as CursorPage };

/**
 * `fetchPage(after)` loads the page after a cursor (`null`: the first); pass `null` to load nothing
 * (e.g. while a drawer is closed). `deps` are plain values (ids, filters). Errors go to the app's
 * error handler.
 */
export function useCursorPages<T>(
  fetchPage: ((after: string | null) => Promise<Page<T>>) | null,
  deps: readonly unknown[],
) {
  const onError = useApiErrorHandler();
  const key = fetchPage ? depsKey(deps) : null;
  const [state, dispatch] = useReducer(pagesReducer<T>, NO_PAGES as PagesState<T>);
  const fetchFirst = useEffectEvent(() => fetchPage?.(null));

  useEffect(() => {
    if (key === null) return;
    let live = true;
    fetchFirst()?.then(
      (page) => live && dispatch({ type: 'first', key, page }),
      (err: unknown) => {
        if (!live) return;
        dispatch({ type: 'failed', key, first: true });
        onError(err);
      },
    );
    return () => {
      live = false;
    };
  }, [key, onError]);

  const view = pagesView(state, key);
  const loadMore = () => {
    if (!fetchPage || key === null || !view.cursor || state.loadingMore) return;
    dispatch({ type: 'more', key });
    fetchPage(view.cursor).then(
      (page) => dispatch({ type: 'next', key, page }),
      (err: unknown) => {
        dispatch({ type: 'failed', key, first: false });
        onError(err);
      },
    );
  };
  return { ...view, loadMore };
}
