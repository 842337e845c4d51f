/**
 * Passwords: argon2id hashes (OWASP's first choice), a generator for first-start and
 * admin-reset passwords, and the minimum rule a new password must meet.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { InvalidInput } from '../../core/errors.ts';

const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Verifies against the user's hash, or — for an unknown or disabled account — against a hash of a
 * random password made once per process, so both take one argon2 verification: a wrong password
 * for a real user and any password for an unknown one cost the same time (no username oracle).
 */
export async function verifyPasswordOrDummy(
  passwordHash: string | null,
  password: string,
): Promise<boolean> {
  // Made on the first sign-in of any kind, so that the one extra hash is not paid by the first
  // unknown name alone (which would make that one answer slower than a wrong password).
  dummyHash ??= hashPassword(randomBytes(18).toString('base64url'));
  if (passwordHash) return verifyPassword(passwordHash, password);
  await verifyPassword(await dummyHash, password);
  return false;
}

// No 0/O/1/l/I: the password is read off a terminal and typed by hand.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function generatePassword(length = 14): string {
  for (;;) {
    let out = '';
    for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
    if (/[a-z]/.test(out) && /[A-Z]/.test(out) && /\d/.test(out)) return out;
  }
}

export function assertPasswordAcceptable(password: string, path = 'newPassword'): void {
  const problems: string[] = [];
  if (password.length < 10) problems.push('至少 10 个字符');
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) problems.push('须同时包含字母和数字');
  if (problems.length) {
    const message = `新密码${problems.join('，')}`;
    throw new InvalidInput(message, [{ path, label: '新密码', message }]);
  }
}
