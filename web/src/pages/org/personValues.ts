/** The person form's values: the birth date as a dayjs for the picker; trimmed, nulled on save. */
import dayjs, { type Dayjs } from 'dayjs';
import type { Person, PersonInput } from '../../api/org.ts';

export interface PersonValues extends Omit<PersonInput, 'birthDate'> {
  birthDate: Dayjs | null;
}

export function initialPersonValues(person: Person | null): Partial<PersonValues> {
  return person
    ? { ...person, birthDate: person.birthDate ? dayjs(person.birthDate) : null }
    : { partyMember: false, gender: null, unitId: null };
}

/** Blank phone and note are none; an unset gender or unit is null, not absent. */
export function personInput(v: PersonValues): PersonInput {
  return {
    name: v.name.trim(),
    gender: v.gender ?? null,
    birthDate: v.birthDate ? v.birthDate.format('YYYY-MM-DD') : null,
    phone: v.phone?.trim() || null,
    partyMember: !!v.partyMember,
    unitId: v.unitId ?? null,
    note: v.note?.trim() || null,
  };
}
