import { describe, expect, it } from 'vitest';
import {
  COMMITMENT_STATUS,
  commitmentMoveRefusal,
  PROBLEM_STATUS,
  PROBLEM_STATUSES,
  problemMoveRefusal,
} from './problem.status.ts';

const facts = { hasOwner: true, plan: '更换灯具', result: '已更换', note: null };

describe('problem status table', () => {
  it('reaches every status from 待认领 and ends only at 已销号', () => {
    const seen = new Set<string>(['unclaimed']);
    const queue = ['unclaimed'] as (keyof typeof PROBLEM_STATUS)[];
    while (queue.length)
      for (const to of PROBLEM_STATUS[queue.shift()!].to)
        if (!seen.has(to)) {
          seen.add(to);
          queue.push(to);
        }
    expect([...seen].sort()).toEqual([...PROBLEM_STATUSES].sort());
    expect(PROBLEM_STATUSES.filter((s) => PROBLEM_STATUS[s].to.length === 0)).toEqual(['closed']);
  });

  it('asks for an owner and a plan before 整改中, a result before 已整改, a reason to close unclaimed', () => {
    expect(problemMoveRefusal('unclaimed', 'rectifying', { ...facts, hasOwner: false })).toMatch(
      /责任单位/,
    );
    expect(problemMoveRefusal('unclaimed', 'rectifying', { ...facts, plan: ' ' })).toMatch(
      /整改措施/,
    );
    expect(problemMoveRefusal('unclaimed', 'rectifying', facts)).toBeNull();
    expect(problemMoveRefusal('rectifying', 'rectified', { ...facts, result: null })).toMatch(
      /整改结果/,
    );
    expect(problemMoveRefusal('unclaimed', 'closed', facts)).toMatch(/理由/);
    expect(problemMoveRefusal('closed', 'rectifying', facts)).toMatch(/已销号/);
  });

  it('needs evidence to fulfil a commitment and a reason to cancel one', () => {
    expect(commitmentMoveRefusal('pending', 'fulfilled', { evidence: null, note: null })).toMatch(
      /佐证/,
    );
    expect(commitmentMoveRefusal('in_progress', 'cancelled', { evidence: null, note: '' })).toMatch(
      /理由/,
    );
    expect(commitmentMoveRefusal('fulfilled', 'pending', { evidence: 'x', note: null })).toMatch(
      /已兑现/,
    );
    expect(Object.keys(COMMITMENT_STATUS)).toHaveLength(4);
  });
});
