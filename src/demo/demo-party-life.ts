/**
 * The demo's branch life beyond the 三会一课 and 主题党日 ledgers (demo-profiles-party.ts): a
 * roster per branch sized like the meetings' 应到 (the first seven are the committee), and a roll
 * call for each meeting of the last half year whose counts are exactly the record's 应到/实到, so
 * the quarter overview's attendance rate and the ledger's figures agree. Older meetings keep their
 * counts only, as records kept before rolls were taken do. The town requires no 党小组会 (its
 * branches have no party groups), which shows the frequencies are the town's to set.
 */
import type { Kysely } from 'kysely';
import dayjs from 'dayjs';
import { newId } from '../db/ids.ts';
import type { DB } from '../db/schema.ts';
import { partyMembers, PLACES } from './demo-places.ts';
import * as repo from './demo-party-life.repository.ts';
import { personName, type SeededRandom } from './random.ts';

const COMMITTEE = 7;
const REASONS = ['外出务工', '生病住院', '照顾家人', '外出学习', '年老行动不便', '在外经商'];

export async function seedDemoPartyLife(
  db: Kysely<DB>,
  townId: string,
  rng: SeededRandom,
  today: string,
): Promise<void> {
  const branches = await repo.demoBranches(db, townId);
  const rosters = new Map<string, string[]>();
  const members: Parameters<typeof repo.insertDemoMembers>[1] = [];
  for (const b of branches) {
    const place = PLACES.find((p) => p.name === b.village);
    const size = place ? partyMembers(place) : 30;
    const used = new Set<string>();
    const ids: string[] = [];
    for (let i = 0; i < size; i++) {
      const id = newId();
      ids.push(id);
      members.push({
        town_id: townId,
        id,
        branch_id: b.id,
        name: personName(rng, used).name,
        committee: i < COMMITTEE,
        sort_order: i,
      });
    }
    rosters.set(b.id, ids);
  }
  await repo.insertDemoMembers(db, members);
  const from = dayjs(today).subtract(6, 'month').format('YYYY-MM-DD');
  const roll: Parameters<typeof repo.insertDemoAttendance>[1] = [];
  for (const m of await repo.demoMeetings(db, townId, from)) {
    const roster = rosters.get(m.unit_id ?? '') ?? [];
    const expected = Math.min(Number(m.data.expected ?? 0), roster.length);
    const present = Math.min(Number(m.data.attendees ?? 0), expected);
    if (expected !== Number(m.data.expected) || present !== Number(m.data.attendees)) continue;
    // Who stayed away: a random handful of those expected, each with a reason.
    const away = new Set<number>();
    while (away.size < expected - present) away.add(rng.int(0, expected - 1));
    for (let i = 0; i < expected; i++)
      roll.push({
        town_id: townId,
        record_id: m.id,
        member_id: roster[i]!,
        present: !away.has(i),
        absence_reason: away.has(i) ? rng.pick(REASONS) : null,
      });
  }
  await repo.insertDemoAttendance(db, roll);
  // The demo's branches are small enough to meet as a whole: no 党小组, so no 党小组会 is due.
  await repo.insertDemoRequirement(db, townId);
}
