#!/usr/bin/env node
// Entry point of `npm run bench [name]`: loads the TypeScript sources through tsx (as bin/lvzhi.js
// does) and runs bench/run.ts, which runs bench/<name>.bench.ts or every bench.
import { register } from 'tsx/esm/api';

register();
await import('../bench/run.ts');
