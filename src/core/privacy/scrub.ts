/**
 * 脱敏: removes residents' personal data from text that is about to be shown to the public (the
 * tracking page, Open311) — phone, ID and other long numbers however they are written, house
 * numbers, and names — leaving a visible marker where something was taken. Used on the server
 * for every public response and in the browser for the handler's preview of what will be public,
 * so both see the same result. Pure: no I/O, no state.
 */
import { maskKnownNames, maskNamesInContext } from './names.ts';
import { maskHouseNumbers, maskNumbers } from './numbers.ts';

/** What the public reads where something was taken out. */
export const SCRUB_MARKERS = {
  number: '（号码已隐去）',
  house: '（门牌号已隐去）',
  name: '（姓名已隐去）',
} as const;

export interface ScrubOptions {
  /** Names known to belong to the people of this order (contact, parties): taken wherever they occur. */
  names?: readonly (string | null | undefined)[];
  /** Place names that stay even where a name rule would read them as a name (the town, its villages). */
  keep?: readonly (string | null | undefined)[];
}

export interface ScrubResult {
  text: string;
  removed: { numbers: number; houses: number; names: number };
}

// Private-use characters stand in for markers and kept words while the rules run, so no rule
// can read a marker's own characters (姓名已隐去) as a name or a kept village as a person.
const PLACEHOLDER = { number: '\uE001', house: '\uE002', name: '\uE003' } as const;
const KEEP_BASE = 0xe100;
/** Invisible characters that could split a number or a name so that no rule sees it. */
const INVISIBLE =
  /[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ue000-\uf8ff]/gu;

export function scrubPersonalData(text: string, options: ScrubOptions = {}): ScrubResult {
  let out = text.normalize('NFC').replace(INVISIBLE, '');
  const keep = [...new Set((options.keep ?? []).filter((k): k is string => !!k && k.length >= 2))]
    .sort((a, b) => b.length - a.length)
    .slice(0, 0x500);
  keep.forEach((word, i) => {
    out = out.split(word).join(String.fromCharCode(KEEP_BASE + i));
  });
  const known = maskKnownNames(out, options.names ?? [], PLACEHOLDER.name);
  const numbers = maskNumbers(known.text, PLACEHOLDER.number);
  const houses = maskHouseNumbers(numbers.text, PLACEHOLDER.house);
  const names = maskNamesInContext(houses.text, PLACEHOLDER.name);
  out = names.text;
  keep.forEach((word, i) => {
    out = out.split(String.fromCharCode(KEEP_BASE + i)).join(word);
  });
  out = out
    .replaceAll(PLACEHOLDER.number, SCRUB_MARKERS.number)
    .replaceAll(PLACEHOLDER.house, SCRUB_MARKERS.house)
    .replaceAll(PLACEHOLDER.name, SCRUB_MARKERS.name);
  return {
    text: out,
    removed: {
      numbers: numbers.count,
      houses: houses.count,
      names: known.count + names.count,
    },
  };
}

/** The scrubbed text alone. */
export function scrubText(text: string, options: ScrubOptions = {}): string {
  return scrubPersonalData(text, options).text;
}
