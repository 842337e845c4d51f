/**
 * Test support: locates the three reference reports beside the checkout (../shared/reference).
 * Tests that need them skip, with a message, only when that folder is absent.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const referenceDir = path.resolve(repoRoot, '../shared/reference');
export const hasReference = fs.existsSync(referenceDir);
export const REFERENCE_SKIP_MESSAGE = `reference reports not found at ${referenceDir}; skipping`;

export const REFERENCE_FILES = {
  propaganda2023: '000_be33407c64f29c15.txt',
  organization2022: '001_2f1797215111e8a5.txt',
  leader2023: '003_995b85b754508aa6.txt',
} as const;

export function readReference(file: string): string {
  return fs.readFileSync(path.join(referenceDir, file), 'utf8');
}

export function readAllReferences(): string[] {
  return hasReference ? Object.values(REFERENCE_FILES).map(readReference) : [];
}

export function readFixture(name: string): string {
  return fs.readFileSync(path.join(repoRoot, 'src/core/report/fixtures', name), 'utf8');
}
