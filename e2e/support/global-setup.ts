/**
 * Browser journeys' global setup: one server start on an empty data directory builds the demo
 * town; the stopped directory is then copied for every journey file's server (server.ts).
 */
import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startServer } from './server.ts';

let demoDir: string | null = null;

export async function setup(project: TestProject) {
  const server = await startServer(null);
  demoDir = await server.stop({ keepData: true });
  project.provide('e2eDemoDir', demoDir);
}

export function teardown() {
  if (demoDir) rmSync(demoDir, { recursive: true, force: true });
}
