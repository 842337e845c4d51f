/// <reference lib="dom" />
/**
 * 接诉即办 journeys in a real browser against a real server: the dispatcher takes a call with the
 * keyboard and dispatches it, the handling unit's staff member claims it, the timeline shows both;
 * the queue lists the demo town's orders and exports a filtered list to Excel; the leader issues a
 * 督办 from the overdue board; the dashboard shows the server's KPI figures and drills down to the
 * orders; a 督办 reaches the handling unit's 我的提醒 (header bell with its count); a resident
 * submits an appeal with a photo on a phone and looks it up by its code, photo shown.
 */
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHONE, setUpJourney } from './support/journey.ts';
import { submitPublicAppeal } from './support/public-appeal.ts';
import { choose } from './support/select.ts';

let orderUrl = '';
const { newPage, login, shoot } = setUpJourney();

/** Fires a workflow action from the detail page: button, then the modal's own OK button. */
async function fire(page: Page, label: string, fill?: () => Promise<void>): Promise<void> {
  await page.getByTestId('order-actions').getByRole('button', { name: label, exact: true }).click();
  const modal = page.locator('.ant-modal').filter({ hasText: label });
  await modal.waitFor();
  await fill?.();
  await modal.locator('.ant-modal-footer .ant-btn-primary').click();
  await modal.waitFor({ state: 'hidden' });
}

const timelineLabels = (page: Page) =>
  page.getByTestId('timeline-event').locator('strong').allTextContents();

describe('appeals pages', () => {
  it('dispatcher takes a call with the keyboard and dispatches it; the unit claims it', async () => {
    const { context, page } = await newPage();
    await login(page, 'paidan');
    await page.goto('/appeals/intake');
    // The category field has focus: type, Enter picks and moves to the village, and so on.
    const category = page.getByTestId('intake-category').locator('input');
    await expect.poll(() => category.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('供水');
    await page.locator('.ant-select-tree-treenode').filter({ hasText: '供水' }).first().waitFor();
    await page.keyboard.press('Enter');
    await expect
      .poll(() =>
        page
          .getByTestId('intake-village')
          .locator('input')
          .evaluate((el) => el === document.activeElement),
      )
      .toBe(true);
    await page.keyboard.type('石桥村');
    await page.locator('.ant-select-item-option').filter({ hasText: '石桥村' }).first().waitFor();
    await page.keyboard.press('Enter');
    // Possible duplicates of the same village and category appear beside the form.
    await page
      .locator('[data-testid=similar-orders][data-state=ready]')
      .filter({ hasText: '石桥村' })
      .waitFor();
    await page.getByLabel('联系人').fill('张大爷');
    await page.getByLabel('联系电话').fill('13800001234');
    await page
      .getByLabel('诉求内容')
      .fill('石桥村三组自来水停了两天，没有接到停水通知，请尽快恢复供水。');
    await page.getByRole('button', { name: '受理', exact: true }).click();
    const created = page.getByTestId('created-code');
    await created.waitFor();
    const code = (await created.textContent())!;
    expect(code).toMatch(/\d/);
    await created.click();
    await expect.poll(() => page.getByTestId('order-code').textContent()).toBe(code);
    expect(await page.getByTestId('contact').textContent()).toContain('138****1234');
    orderUrl = new URL(page.url()).pathname;

    await fire(page, '派单', async () => {
      await page.locator('.ant-modal').getByLabel('承办单位').click();
      await page.keyboard.type('宣传统战');
      await page
        .locator('.ant-select-item-option')
        .filter({ hasText: '宣传统战办公室' })
        .first()
        .click();
    });
    await expect.poll(() => page.getByTestId('order-state').textContent()).toBe('待签收');
    await context.close();

    const staff = await newPage();
    await login(staff.page, 'zhuangan');
    await staff.page.goto(orderUrl);
    await staff.page.getByTestId('order-code').waitFor();
    await fire(staff.page, '签收');
    await expect.poll(() => staff.page.getByTestId('order-state').textContent()).toBe('办理中');
    await expect.poll(() => timelineLabels(staff.page)).toEqual(['受理', '派单', '签收']);
    const timeline = await staff.page.getByTestId('timeline').textContent();
    expect(timeline).toContain('陆志强');
    expect(timeline).toContain('康少华');
    expect(timeline).toContain('宣传统战办公室');
    // The contact is masked until revealed (audited); staff of the handling unit may reveal it.
    await staff.page.getByRole('button', { name: '查看完整联系方式' }).click();
    await staff.page.locator('.ant-modal').getByRole('button', { name: '查看' }).click();
    await expect
      .poll(() => staff.page.getByTestId('contact').textContent())
      .toContain('13800001234');
    await shoot(staff.page, 'appeal-timeline.png');
    await staff.context.close();
  });

  it('lists the demo orders in the queue with due-time tags', async () => {
    const { context, page } = await newPage();
    await login(page, 'paidan');
    await page.goto('/appeals/orders');
    await expect
      .poll(() => page.locator('.ant-table-tbody tr.ant-table-row').count())
      .toBeGreaterThan(0);
    await page.getByRole('tab', { name: '全部' }).click();
    await expect
      .poll(() => page.locator('.ant-table-tbody tr.ant-table-row').count())
      .toBeGreaterThan(20);
    expect(await page.locator('.ant-table-tbody .ant-tag-red').count()).toBeGreaterThan(0);
    await shoot(page, 'appeal-queue.png');
    await page.goto('/appeals/overdue');
    await expect
      .poll(() => page.getByTestId('overdue-board').locator('.ant-table-row').count())
      .toBeGreaterThan(0);
    await context.close();
  });

  it('shows the leader what waits for them on the 工作台, with the counts of the lists behind the cards', async () => {
    const { context, page } = await newPage();
    await login(page, 'shuji');
    await page.goto('/');
    const cardValue = async (key: string) =>
      (
        await page.getByTestId(`my-work-${key}`).locator('.ant-statistic-content-value').innerText()
      ).trim();
    await page.getByTestId('my-work-overdue').waitFor({ timeout: 20_000 });
    const me = (await (await page.request.get('/api/v1/auth/me')).json()) as { homeTownId: string };
    const api = async (path: string) =>
      (await page.request.get(`/api/v1/towns/${me.homeTownId}/appeals/${path}`)).json();
    const overdue = await api('overdue');
    expect(overdue.items.length).toBeGreaterThan(0);
    expect(await cardValue('overdue')).toBe(
      overdue.truncated ? `${overdue.items.length}+` : String(overdue.items.length),
    );
    const queue = await api('queue');
    expect(await cardValue('queue')).toBe(
      queue.truncated ? `${queue.items.length}+` : String(queue.items.length),
    );
    expect(await cardValue('reminders')).toBe(String((await api('reminders/count')).open));
    await page.getByTestId('my-work-overdue').click();
    await page.waitForURL((u) => u.pathname === '/appeals/overdue');
    await context.close();
  });

  it('exports a filtered list from the queue, and a 督办 issued by the leader shows on the overdue board', async () => {
    const { context, page } = await newPage();
    await login(page, 'paidan');
    await page.goto('/appeals/orders');
    await page.getByRole('tab', { name: '全部' }).click();
    await choose(page, page.locator('.ant-select').filter({ hasText: '村（社区）' }), '石桥村');
    await expect
      .poll(() => page.locator('.ant-table-tbody tr.ant-table-row').count())
      .toBeGreaterThan(0);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('appeal-export').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^工单列表-\d{8}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await download.path())!);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).getCell(4).text).toBe('村（社区）');
    expect(sheet.rowCount).toBeGreaterThan(1);
    for (let i = 2; i <= sheet.rowCount; i++) {
      expect(sheet.getRow(i).getCell(4).text).toBe('石桥村');
      expect(sheet.getRow(i).getCell(10).text).toMatch(/^(|\d{3}\*{4}\d{4}|\*{4})$/); // contacts masked
    }
    await context.close();

    const leader = await newPage();
    await login(leader.page, 'shuji');
    await leader.page.goto('/appeals/overdue');
    const board = leader.page.getByTestId('overdue-board');
    await expect.poll(() => board.locator('.ant-table-row').count()).toBeGreaterThan(0);
    const row = board.locator('.ant-table-row').first();
    const code = (await row.locator('td').first().textContent())!.trim();
    await row.getByTestId('supervise').click();
    const modal = leader.page.locator('.ant-modal').filter({ hasText: `督办 · ${code}` });
    await modal.waitFor();
    await modal.getByLabel('督办意见').fill('请本周内办结，并向群众反馈办理结果');
    await modal.locator('.ant-modal-footer .ant-btn-primary').click();
    await modal.waitFor({ state: 'hidden' });
    await expect
      .poll(() => leader.page.getByTestId('supervision-board').textContent())
      .toContain(code);
    expect(await leader.page.getByTestId('supervision-board').textContent()).toContain(
      '请本周内办结',
    );
    await shoot(leader.page, 'appeal-supervision.png');
    await leader.context.close();
  });

  it('shows a 督办 in the handling unit’s 我的提醒, counted on the header bell until signed', async () => {
    const leader = await newPage();
    await login(leader.page, 'shuji');
    await leader.page.goto(orderUrl);
    await leader.page.getByTestId('order-supervise').click();
    const modal = leader.page.locator('.ant-modal').filter({ hasText: '督办' });
    await modal.getByLabel('督办意见').fill('请两日内办结');
    await modal.locator('.ant-modal-footer .ant-btn-primary').click();
    await modal.waitFor({ state: 'hidden' });
    await leader.context.close();

    const { context, page } = await newPage();
    await login(page, 'zhuangan');
    // The bell's label carries the count (the badge itself disappears at zero).
    const bell = page.getByTestId('reminder-bell');
    const count = async () =>
      Number(/(\d+) 条/.exec((await bell.getAttribute('aria-label')) ?? '')?.[1] ?? 0);
    await expect.poll(count).toBeGreaterThan(0);
    const before = await count();
    await page.getByTestId('reminder-bell').click();
    await expect.poll(() => page.url()).toContain('/appeals/reminders');
    const row = page
      .getByTestId('my-reminders')
      .locator('.ant-table-row')
      .filter({ hasText: '请两日内办结' });
    await row.waitFor();
    await shoot(page, 'appeal-my-reminders.png');
    await row.getByRole('button', { name: '签收' }).click();
    await expect.poll(count).toBe(before - 1);
    await context.close();
  });

  it('shows the server KPI figures on the dashboard and drills down to their orders', async () => {
    const { context, page } = await newPage();
    await login(page, 'shuji');
    await page.goto('/appeals/dashboard?year=2025');
    const received = page
      .getByTestId('kpi-appeals.received')
      .locator('.ant-statistic-content-value');
    await received.waitFor();
    const shown = Number((await received.textContent())!.replace(/,/g, ''));
    expect(shown).toBeGreaterThan(100);
    // The same figure straight from the API (same user, same period as the page picked).
    const api = await page.evaluate(async () => {
      const me = (await (await fetch('/api/v1/auth/me')).json()) as { homeTownId: string };
      const r = (await (
        await fetch(`/api/v1/towns/${me.homeTownId}/appeals/kpis?from=2025-01-01&to=2025-12-31`)
      ).json()) as { metrics: { id: string; result: { value: number } }[] };
      return r.metrics.find((m: { id: string }) => m.id === 'appeals.received')!.result
        .value as number;
    });
    expect(shown).toBe(api);
    await expect
      .poll(() => page.locator('[data-testid=appeal-dashboard] canvas').count())
      .toBeGreaterThanOrEqual(4);
    await page.waitForTimeout(1200); // chart animations
    await shoot(page, 'appeal-dashboard.png');
    await page.getByTestId('kpi-appeals.closure_rate').click();
    await expect
      .poll(() => page.getByTestId('kpi-orders').locator('.ant-table-row').count())
      .toBeGreaterThan(0);
    await context.close();
  });

  it('lets a resident submit an appeal on a phone, get a code and look it up', async () => {
    const { context, page } = await newPage(PHONE);
    const code = await submitPublicAppeal(page, '13900002222');
    expect(code.length).toBeGreaterThan(3);
    await shoot(page, 'public-appeal.png');
    await page.getByRole('button', { name: '查询进度' }).click();
    await page.getByTestId('public-status').waitFor();
    expect(await page.getByTestId('public-status').textContent()).toContain(code);
    // The resident's own photo is public: shown on the tracking page from its media address.
    await expect.poll(() => page.getByTestId('public-photos-shown').locator('img').count()).toBe(1);
    expect(
      await page.getByTestId('public-photos-shown').locator('img').getAttribute('src'),
    ).toMatch(/^\/open311\/v2\/media\/[0-9a-f-]{36}$/);
    await context.close();
  });
});
