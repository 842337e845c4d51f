/**
 * The tracking page's lookup: the code from the link is looked up at once, then each code the
 * resident asks for. An answer to an earlier question is dropped when a newer one was asked.
 */
import { useEffect, useState } from 'react';
import { publicApi, type PublicAppealStatus } from '../../api/appeals.ts';
import { useApiErrorHandler } from '../../api/errors.ts';
import type { StatusWithPhotos } from './publicPhotos.ts';

interface Query {
  code: string;
}

interface Answer {
  query: Query;
  /** null: no order has that code. */
  status: StatusWithPhotos | null;
  /** The phone digits the resident proved the order with (unlocks the reply and the rating). */
  phoneLast4?: string | undefined;
}

const queryOf = (code: string): Query | null => (code.trim() ? { code: code.trim() } : null);

export function usePublicLookup(initialCode: string) {
  const onError = useApiErrorHandler();
  const [query, setQuery] = useState<Query | null>(() => queryOf(initialCode));
  const [answer, setAnswer] = useState<Answer>();
  // A new code in the link is a new question (state adjusted while rendering, not in an effect).
  const [linkedCode, setLinkedCode] = useState(initialCode);
  if (linkedCode !== initialCode) {
    setLinkedCode(initialCode);
    if (queryOf(initialCode)) setQuery(queryOf(initialCode));
  }

  useEffect(() => {
    if (!query) return;
    let current = true;
    publicApi.status(query.code).then(
      (status) => {
        if (current) setAnswer({ query, status });
      },
      (err) => {
        if (!current) return;
        setAnswer({ query, status: null });
        onError(err);
      },
    );
    return () => {
      current = false;
    };
  }, [query, onError]);

  return {
    /** undefined until the first answer. */
    status: answer?.status,
    phoneLast4: answer?.phoneLast4,
    loading: query !== null && answer?.query !== query,
    /** Asks again, even for the code shown. */
    lookup: (code: string) => {
      const q = queryOf(code);
      if (q) setQuery(q);
    },
    proven: (status: PublicAppealStatus, phoneLast4: string) =>
      setAnswer((a) => a && { ...a, status, phoneLast4 }),
    rated: (status: PublicAppealStatus) => setAnswer((a) => a && { ...a, status }),
  };
}
