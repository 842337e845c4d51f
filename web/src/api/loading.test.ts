import { describe, expect, it } from 'vitest';
import { depsKey, NO_PAGES, pagesReducer, pagesView, type PagesState } from './loading.ts';

const page = (items: number[], nextCursor: string | null) => ({ items, nextCursor });

describe('cursor paging state', () => {
  const first = pagesReducer<number>(NO_PAGES, {
    type: 'first',
    key: 'a',
    page: page([1, 2], 'c2'),
  });

  it('shows nothing and loads until the wanted list answers', () => {
    expect(pagesView(NO_PAGES, 'a')).toEqual({ rows: [], cursor: null, loading: true });
    expect(pagesView(first, 'a')).toEqual({ rows: [1, 2], cursor: 'c2', loading: false });
  });

  it('appends the next page and stops at the last cursor', () => {
    const asking = pagesReducer(first, { type: 'more', key: 'a' });
    expect(pagesView(asking, 'a')).toEqual({ rows: [1, 2], cursor: 'c2', loading: true });
    const done = pagesReducer(asking, { type: 'next', key: 'a', page: page([3], null) });
    expect(pagesView(done, 'a')).toEqual({ rows: [1, 2, 3], cursor: null, loading: false });
  });

  it('shows a new filter’s list empty (not the old rows) while it loads', () => {
    expect(pagesView(first, 'b')).toEqual({ rows: [], cursor: null, loading: true });
  });

  it('drops a next page that arrives after the user changed the filters', () => {
    const switched = pagesReducer(first, { type: 'first', key: 'b', page: page([9], null) });
    const late = pagesReducer(switched, { type: 'next', key: 'a', page: page([3], null) });
    expect(late).toBe(switched);
    expect(pagesView(late, 'b').rows).toEqual([9]);
  });

  it('ends loading after a failure: an empty list for a first page, the rows so far for a next one', () => {
    const failedFirst = pagesReducer<number>(NO_PAGES, { type: 'failed', key: 'a', first: true });
    expect(pagesView(failedFirst, 'a')).toEqual({ rows: [], cursor: null, loading: false });
    const asking = pagesReducer(first, { type: 'more', key: 'a' });
    const failedNext = pagesReducer(asking, { type: 'failed', key: 'a', first: false });
    expect(pagesView(failedNext, 'a')).toEqual({ rows: [1, 2], cursor: 'c2', loading: false });
  });

  it('loads nothing while there is no list to show (a closed drawer)', () => {
    const state: PagesState<number> = first;
    expect(pagesView(state, null)).toEqual({ rows: [], cursor: null, loading: false });
  });
});

describe('depsKey', () => {
  it('gives equal keys to equal values, whatever their identity', () => {
    expect(depsKey(['t1', { kind: 'hotline', q: '' }])).toBe(
      depsKey(['t1', { kind: 'hotline', q: '' }]),
    );
    expect(depsKey(['t1', { kind: 'hotline' }])).not.toBe(depsKey(['t1', { kind: 'petition' }]));
    // "Not set" is one value: undefined and null filters ask for the same list.
    expect(depsKey([{ q: undefined }])).toBe(depsKey([{}]));
  });
});
