#!/usr/bin/env node
// Entry point of the `lvzhi` command: loads the TypeScript sources through tsx, so a fresh
// clone runs after `npm ci` with no separate build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
