import { describe, expect, it } from 'vitest';
import { MENU, menuSelection, visibleMenu } from './menu.tsx';

describe('the sidebar follows the route', () => {
  const menu = visibleMenu(true);
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
