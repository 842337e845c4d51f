/**
 * The state behind the data hooks (useLoader, useCursorPages) as pure functions. Each answer is
 * stored with the key of the request it answers, so a page derives "loading" and "stale" from the
 * key it wants now instead of resetting state inside an effect, and a late answer to an older
 * request can never overwrite a newer one.
 */
import type { Page } from './client.ts';

/** One key for a list of effect dependencies (ids, filters): equal values give equal keys. */
export function depsKey(deps: readonly unknown[]): string {
  return JSON.stringify(deps);
}

/** Rows of a cursor-paged list, loaded for `key`. */
export interface PagesState<T> {
  /** The request these rows answer (null before the first answer). */
  key: string | null;
  rows: T[];
  /** Where the next page starts; null at the end. */
  cursor: string | null;
  /** A next page is on its way. */
  loadingMore: boolean;
}

export type PagesAction<T> =
  | { type: 'first'; key: string; page: Page<T> }
  | { type: 'more'; key: string }
  | { type: 'next'; key: string; page: Page<T> }
  | { type: 'failed'; key: string; first: boolean };

export const NO_PAGES: PagesState<never> = {
  key: null,
  rows: [],
  cursor: null,
  loadingMore: false,
};

export function pagesReducer<T>(state: PagesState<T>, action: PagesAction<T>): PagesState<T> {
  switch (action.type) {
    case 'first':
      return {
        key: action.key,
        rows: action.page.items,
        cursor: action.page.nextCursor,
        loadingMore: false,
      };
    case 'more':
      return state.key === action.key ? { ...state, loadingMore: true } : state;
    case 'next':
      // A next page of a list the user has since left (other filters) is dropped.
      if (state.key !== action.key) return state;
      return {
        key: state.key,
        rows: [...state.rows, ...action.page.items],
        cursor: action.page.nextCursor,
        loadingMore: false,
      };
    case 'failed':
      if (action.first) return { key: action.key, rows: [], cursor: null, loadingMore: false };
      return state.key === action.key ? { ...state, loadingMore: false } : state;
  }
}

/** What a list shows for the key it wants now: nothing (and loading) until that key's answer. */
export function pagesView<T>(state: PagesState<T>, key: string | null) {
  const current = key !== null && state.key === key;
  return {
    rows: current ? state.rows : [],
    cursor: current ? state.cursor : null,
    loading: key !== null && (!current || state.loadingMore),
  };
}
