import { describe, expect, it } from 'vitest';
import { ROLE_LABELS, ROLES, roleLabel } from './roles.ts';

describe('roles', () => {
  it('label every role in Chinese and pass unknown ones through', () => {
    for (const role of ROLES) expect(ROLE_LABELS[role]).toMatch(/\p{Script=Han}/u);
    expect(roleLabel('assignee')).toBe('承办单位人员');
    expect(roleLabel('martian')).toBe('martian');
  });
});
