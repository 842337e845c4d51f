import { describe, expect, it } from 'vitest';
import { readEnv } from '../server/config.ts';
import { isReplicaRoute } from '../server/replica-routing.ts';
import { isLsn, lagSeconds, lsnValue } from './replica.ts';

// The routing on a real standby is src/db/replica.replica.ts (npm run test:replica).
describe('read replica routing rules', () => {
  it('orders WAL positions by both hex halves', () => {
    expect(lsnValue('1/0') > lsnValue('0/FFFFFFFF')).toBe(true);
    expect(lsnValue('0/16B3748')).toBe(0x16b3748n);
    expect(isLsn('0/16B3748')).toBe(true);
    expect(isLsn('0/16B3748; drop')).toBe(false);
    expect(() => lsnValue('x')).toThrow();
  });

  it('bounds the lag by the newest primary position the standby has replayed', () => {
    const samples = [
      { at: 1_000, lsn: 100n },
      { at: 2_000, lsn: 200n },
      { at: 3_000, lsn: 300n },
    ];
    expect(lagSeconds(samples, 300n, 9_000)).toBe(0); // caught up, however long ago the write was
    expect(lagSeconds(samples, 250n, 4_000)).toBe(2); // holds everything up to the 2 s sample
    expect(lagSeconds(samples, 50n, 4_000)).toBe(3); // behind every sample: at least the oldest age
    expect(lagSeconds([], 0n, 4_000)).toBe(0);
  });

  it('sends only GETs of the read-only routes to a replica', () => {
    const town = '/api/v1/towns/0190c6f2-8f8a-7c2b-9d5e-1234567890ab';
    const report = '0190c6f2-8f8a-7c2b-9d5e-1234567890ac';
    for (const path of [
      `${town}/appeals/kpis`,
      `${town}/appeals/kpis/appeals.received/orders`,
      `${town}/appeals/kpis/appeals.received/orders/export`,
      `${town}/appeals/export`,
      `${town}/metrics/propaganda.items/records`,
      `${town}/ledger-types/propaganda_item/export`,
      `${town}/reports/${report}`,
      `${town}/reports/${report}/export`,
      '/api/v1/appeal-rankings',
    ])
      expect(isReplicaRoute('GET', path), path).toBe(true);
    for (const [method, path] of [
      ['POST', `${town}/appeals`],
      ['GET', `${town}/appeals/queue`],
      ['GET', `${town}/appeals/0190c6f2-8f8a-7c2b-9d5e-1234567890ad`],
      ['GET', `${town}/reports/templates`],
      ['POST', `${town}/reports/${report}/freeze`],
      ['PUT', `${town}/reports/${report}`],
    ])
      expect(isReplicaRoute(method!, path!), `${method} ${path}`).toBe(false);
  });

  it('refuses a replica without a primary', () => {
    expect(() => readEnv({ DATABASE_REPLICA_URL: 'postgres://r/lvzhi' })).toThrow(/DATABASE_URL/);
    const env = readEnv({
      DATABASE_URL: 'postgres://p/lvzhi',
      DATABASE_REPLICA_URL: 'postgres://r/lvzhi',
    });
    expect(env.LVZHI_REPLICA_MAX_LAG_SECONDS).toBe(5);
  });
});
