import { describe, expect, it } from 'vitest';
import { MENU, menuSelection, visibleMenu } from './menu.tsx';

describe('the sidebar follows the route', () => {
  const menu = visibleMenu(() => true);
  it.each([
    ['/', '/', []],
    ['/appeals/orders', '/appeals/orders', ['appeals']],
    ['/appeals/orders/0193-abc', '/appeals/orders', ['appeals']],
    ['/appeals/overdue/', '/appeals/overdue', ['appeals']],
    ['/ledgers/safety_inspection', '/ledgers', []],
    ['/reports/templates/7', '/reports', []],
    ['/org/users', '/org/users', ['org']],
  ])('%s lights %s', (path, selected, open) => {
    expect(menuSelection(menu, path)).toEqual({ selected, open });
  });

  it('lights nothing for a page outside the menu, and never a mere prefix of a word', () => {
    expect(menuSelection(MENU, '/nowhere')).toEqual({ selected: null, open: [] });
    expect(menuSelection(MENU, '/ledgersx')).toEqual({ selected: null, open: [] });
  });
});

describe('the menu offers what the server allows', () => {
  const labels = (entries: ReturnType<typeof visibleMenu>): string[] =>
    entries.flatMap((e) => (e.children ? labels(e.children) : [e.label]));
  const allowing =
    (...policies: string[]) =>
    (p: string) =>
      policies.includes(p);

  it('hides 受理登记 without appeals.intake and 台账 without ledgers.read', () => {
    const leader = labels(visibleMenu(allowing('appeals.read', 'appeal_analysis.read')));
    expect(leader).toContain('我的工单');
    expect(leader).toContain('问题清单');
    expect(leader).not.toContain('受理登记');
    expect(leader).not.toContain('台账');
    expect(labels(visibleMenu(allowing('appeals.intake')))).toContain('受理登记');
  });

  it('shows 发展党员 only with member_development.read (the organisation portfolio included)', () => {
    // The server lists the policy only when the portfolio is held: src/http/route-holds.test.ts.
    const staff = allowing('appeals.read', 'member_development.access');
    expect(labels(visibleMenu(staff))).not.toContain('发展党员');
    const organiser = allowing('appeals.read', 'member_development.read');
    expect(labels(visibleMenu(organiser))).toContain('发展党员');
  });

  it('leaves a system operator 工作台 and 工作日历, and drops groups left empty', () => {
    const entries = visibleMenu(allowing('calendar.operator'));
    expect(labels(entries)).toEqual(['工作台', '工作日历']);
    expect(entries.map((e) => e.label)).toEqual(['工作台', '组织机构']);
  });
});
