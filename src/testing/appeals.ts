/**
 * Test support for appeal route tests: the demo app, cookies per demo user, unit and person ids
 * by code/title, and `act` to fire a transition with the current version. Used only by tests.
 */
import { expect } from 'vitest';
import type { TestApp } from './app.ts';

export interface AppealKit {
  t: TestApp;
  base: string;
  cookie(user: string): Promise<string>;
  unit(code: string): Promise<string>;
  village(name: string): Promise<string>;
  personOf(username: string): Promise<string>;
  intake(user: string, body: Record<string, unknown>): Promise<any>;
  act(
    user: string,
    appeal: { id: string; version: number },
    action: string,
    payload?: Record<string, unknown>,
    expectStatus?: number,
  ): Promise<any>;
}

export function appealKit(t: TestApp): AppealKit {
  const cookies = new Map<string, string>();
  const base = `/api/v1/towns/${t.townId}`;
  const cookie = async (u: string) => {
    if (!cookies.has(u)) cookies.set(u, await t.login(u));
    return cookies.get(u)!;
  };
  const db = t.database.db;
  return {
    t,
    base,
    cookie,
    unit: async (code) =>
      (
        await db
          .selectFrom('unit')
          .select('id')
          .where('town_id', '=', t.townId)
          .where('code', '=', code)
          .executeTakeFirstOrThrow()
      ).id,
    village: async (name) =>
      (
        await db
          .selectFrom('unit')
          .select('id')
          .where('town_id', '=', t.townId)
          .where('name', '=', name)
          .executeTakeFirstOrThrow()
      ).id,
    personOf: async (username) =>
      (
        await db
          .selectFrom('app_user')
          .select('person_id')
          .where('town_id', '=', t.townId)
          .where('username', '=', username)
          .executeTakeFirstOrThrow()
      ).person_id!,
    async intake(user, body) {
      const res = await t.call('POST', `${base}/appeals`, { cookie: await cookie(user), body });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body;
    },
    async act(user, appeal, action, payload = {}, expectStatus = 200) {
      const res = await t.call('POST', `${base}/appeals/${appeal.id}/transitions`, {
        cookie: await cookie(user),
        body: { action, version: appeal.version, payload },
      });
      expect(res.status, `${action} by ${user}: ${JSON.stringify(res.body)}`).toBe(expectStatus);
      return res.body;
    },
  };
}
