/** The columns a user hid in one ledger, remembered per type in this browser. */
import { useState } from 'react';
import type { LedgerType } from '../../api/ledgers.ts';
import { liveFields } from './fieldValues.tsx';

const storageKey = (code: string) => `lvzhi.ledger.hidden.${code}`;

/** By default long texts, attachments and anything past the 8th column stay hidden. */
export function defaultHidden(type: LedgerType): string[] {
  return liveFields(type)
    .filter((f, i) => f.type === 'long_text' || f.type === 'attachment' || i >= 8)
    .map((f) => f.key);
}

export function useHiddenColumns(type: LedgerType) {
  const [hidden, setHidden] = useState<string[]>(() => {
    const saved = localStorage.getItem(storageKey(type.code));
    return saved ? (JSON.parse(saved) as string[]) : defaultHidden(type);
  });
  const save = (keys: string[]) => {
    setHidden(keys);
    localStorage.setItem(storageKey(type.code), JSON.stringify(keys));
  };
  return [hidden, save] as const;
}
