import { describe, expect, it } from 'vitest';
import { Forbidden, InvalidInput, InvalidTransition } from '../../errors.ts';
import { fireTransition } from '../engine.ts';
import { actor, errorOf, last, opened, opts, walk, type Step } from '../../../testing/workflow.ts';
import { kindByName } from './index.ts';

const matter = kindByName('villager_matter')!;
const cadre = actor('v1', 'village_cadre');
const owner = actor('p9', 'staff', 'owner');
const raised = () =>
  opened(matter, cadre, '2025-03-05T19:00', {
    sessionDate: '2025-03-05',
    raisedBy: '赵某',
    content: '村口路灯损坏',
  });
const deliberate: Step = {
  action: 'deliberate',
  by: cadre,
  at: '2025-03-10T19:00',
  payload: {
    meetingDate: '2025-03-10',
    attendees: ['村支书', '村民代表甲', '村民代表乙'],
    decision: '由村集体出资修复',
  },
};

describe('villager matter (四事) workflow', () => {
  it('raises, deliberates, acts, evaluates and closes', () => {
    const outcomes = walk(matter, raised(), [
      deliberate,
      {
        action: 'act',
        by: cadre,
        at: '2025-03-11T09:00',
        payload: { ownerId: 'p9', steps: '采购灯具、联系电工安装' },
      },
      {
        action: 'report_progress',
        by: owner,
        at: '2025-03-13T09:00',
        payload: { progress: '灯具已到货' },
      },
      { action: 'finish', by: owner, at: '2025-03-15T09:00', payload: { result: '已修复6盏路灯' } },
      { action: 'evaluate', by: cadre, at: '2025-04-02T19:00', payload: { rating: '满意' } },
    ]);
    expect(outcomes.map((o) => o.state)).toEqual([
      'deliberated',
      'acting',
      'acting',
      'done',
      'closed',
    ]);
    expect(outcomes[1]?.next.assignment).toEqual({ owner: 'p9' });
    expect(last(outcomes).next.fields).toMatchObject({
      decision: '由村集体出资修复',
      rating: '满意',
    });
  });

  it('can shelve a matter the meeting decides not to take up', () => {
    const shelved = walk(matter, raised(), [
      deliberate,
      {
        action: 'shelve',
        by: cadre,
        at: '2025-03-10T20:00',
        payload: { shelveReason: '不属村级事务' },
      },
    ]);
    expect(last(shelved).state).toBe('shelved');
  });

  it('refuses out-of-order steps, strangers and invalid ratings', () => {
    expect(
      errorOf(
        fireTransition(
          matter,
          raised(),
          cadre,
          'evaluate',
          { rating: '满意' },
          opts('2025-03-06T09:00'),
        ),
      ),
    ).toBeInstanceOf(InvalidTransition);
    expect(
      errorOf(
        fireTransition(
          matter,
          raised(),
          owner,
          'deliberate',
          deliberate.payload!,
          opts('2025-03-06T09:00'),
        ),
      ),
    ).toBeInstanceOf(Forbidden);
    const done = last(
      walk(matter, raised(), [
        deliberate,
        {
          action: 'act',
          by: cadre,
          at: '2025-03-11T09:00',
          payload: { ownerId: 'p9', steps: '修复' },
        },
        { action: 'finish', by: owner, at: '2025-03-15T09:00', payload: { result: '已修复' } },
      ]),
    ).next;
    const bad = errorOf(
      fireTransition(matter, done, cadre, 'evaluate', { rating: '很好' }, opts('2025-04-02T19:00')),
    );
    expect(bad).toBeInstanceOf(InvalidInput);
    expect(bad.errors).toEqual([
      {
        path: 'payload.rating',
        label: '群众评议',
        message: '群众评议应为以下之一：满意、基本满意、不满意',
      },
    ]);
  });
});
