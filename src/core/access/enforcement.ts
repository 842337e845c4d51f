/**
 * The test-only switch that turns scope enforcement off. It exists so that a committed test can
 * prove the scope matrix notices a missing filter (the matrix must go red with it off). It can
 * only be flipped while NODE_ENV is 'test'.
 */
let enforced = true;

export function scopesEnforced(): boolean {
  return enforced;
}

export function setScopeEnforcementForTests(on: boolean): void {
  if (process.env.NODE_ENV !== 'test')
    throw new Error('scope enforcement can only be changed in tests');
  enforced = on;
}
