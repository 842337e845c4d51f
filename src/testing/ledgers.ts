/**
 * Fixture builders for ledger tests: records written through the API (so they are validated as a
 * user's) and data builders for the catalogue types the tests use — 宣传信息报送 (propaganda_item)
 * and 三会一课 (branch_meeting).
 */
import { expect } from 'vitest';
import type { TestApp } from './app.ts';

/** Writes records of one type as `cookie`'s user; returns them as the API answered. */
export async function addRecords(
  t: TestApp,
  cookie: string,
  typeCode: string,
  rows: Record<string, unknown>[],
): Promise<{ id: string; occurredOn: string; unitId: string | null; version: number }[]> {
  const created = [];
  for (const data of rows) {
    const res = await t.call('POST', `/api/v1/towns/${t.townId}/ledger-types/${typeCode}/records`, {
      cookie,
      body: { data },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    created.push(res.body);
  }
  return created;
}

/** A news item (宣传信息) by `author`, published on `publishedOn` at `level`. */
export const propagandaItem = (
  title: string,
  author: string,
  publishedOn: string,
  level: 'national' | 'provincial' | 'municipal' | 'county' = 'county',
  sourceUnit?: string,
) => ({
  title,
  outlet: '县融媒体中心',
  level,
  channel: 'official_account',
  published_on: publishedOn,
  author,
  ...(sourceUnit ? { source_unit: sourceUnit } : {}),
});

/** A branch meeting (三会一课) of `branch` held on `heldOn`. */
export const branchMeeting = (branch: string, heldOn: string, topic = '学习会议精神') => ({
  meeting_type: 'member_assembly',
  branch,
  held_on: heldOn,
  topic,
  expected: 20,
  attendees: 18,
});
