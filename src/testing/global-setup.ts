/** Vitest global setup: the demo town built once for the whole run (see demo-snapshot.ts). */
import type { TestProject } from 'vitest/node';
import { buildDemoSnapshot, dropDemoSnapshot, type DemoSnapshot } from './demo-snapshot.ts';
import { TEST_PASSWORD } from './password.ts';

let snapshot: DemoSnapshot | null = null;

export async function setup(project: TestProject) {
  snapshot = await buildDemoSnapshot(TEST_PASSWORD);
  project.provide('demoSnapshot', snapshot);
}

export async function teardown() {
  if (snapshot) await dropDemoSnapshot(snapshot);
}
