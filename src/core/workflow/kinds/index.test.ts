import { describe, expect, it } from 'vitest';
import { fieldSpecSchema } from '../fields.ts';
import { GUARDS } from '../guards.ts';
import { ROLES } from '../roles.ts';
import { reachableStates } from '../schema.ts';
import { BUILT_IN_KINDS } from './index.ts';

describe.each(Object.values(BUILT_IN_KINDS))('kind $kind', (kind) => {
  it('reaches every state from the initial state', () => {
    expect([...reachableStates(kind)].sort()).toEqual(kind.states.map((s) => s.id).sort());
  });

  it('has no way out of a terminal state and a way out of every other state', () => {
    for (const state of kind.states) {
      const leaving = kind.transitions.filter(
        (t) => t.from.includes(state.id) && t.to !== null && t.to !== state.id,
      );
      const any = kind.transitions.filter((t) => t.from.includes(state.id));
      if (state.terminal) expect(any, state.id).toEqual([]);
      else expect(leaving.length, state.id).toBeGreaterThan(0);
    }
  });

  it('names only known roles, well-formed fields, registered guards and real clocks', () => {
    for (const action of [kind.initial, ...kind.transitions]) {
      expect(action.roles.length).toBeGreaterThan(0);
      for (const role of action.roles) expect(ROLES).toContain(role);
      for (const field of action.fields) {
        expect(fieldSpecSchema.safeParse(field).success).toBe(true);
        expect(field.label).toMatch(/\p{Script=Han}/u);
      }
    }
    for (const t of kind.transitions)
      for (const g of t.guards) expect(Object.keys(GUARDS)).toContain(g.name);
    const actions = [kind.initial.id, ...kind.transitions.map((t) => t.id)];
    for (const clock of kind.clocks)
      for (const a of [...clock.startOn, ...clock.stopOn]) expect(actions).toContain(a);
  });

  it('labels every state and action in Chinese', () => {
    for (const x of [...kind.states, kind.initial, ...kind.transitions])
      expect(x.label).toMatch(/\p{Script=Han}/u);
  });
});
