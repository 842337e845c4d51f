/**
 * Loading data for a page: `useLoader(load, deps)` runs `load` whenever `deps` change (or
 * `reload()` is called), aborts the answer of a request the page no longer wants, and toasts
 * errors. The previous data stays on screen while the next request runs (`loading` is true).
 */
import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import { useApiErrorHandler } from './errors.ts';
import { depsKey } from './loading.ts';

export interface Loaded<T> {
  data: T | undefined;
  loading: boolean;
  reload: () => void;
}

/** `deps` are plain values (ids, filters): requests are keyed by their JSON. */
export function useLoader<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: readonly unknown[],
): Loaded<T> {
  const onError = useApiErrorHandler();
  const [tick, setTick] = useState(0);
  const key = `${depsKey(deps)}#${tick}`;
  const [answer, setAnswer] = useState<{ key: string | null; data: T | undefined }>({
    key: null,
    data: undefined,
  });
  const run = useEffectEvent(load);

  useEffect(() => {
    const ctrl = new AbortController();
    run(ctrl.signal).then(
      (data) => {
        if (!ctrl.signal.aborted) setAnswer({ key, data });
      },
      (err: unknown) => {
        if (ctrl.signal.aborted) return;
        setAnswer((prev) => ({ key, data: prev.data }));
        onError(err);
      },
    );
    return () => ctrl.abort();
  }, [key, onError]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data: answer.data, loading: answer.key !== key, reload };
}
