/**
 * Journeys of 乡镇信息 and 包联: the admin sets the town's office hours, adds a second town as the
 * county admin and switches to it, grants a county supervisor both towns in the user form, and
 * ends a village liaison with a date instead of deleting it. The work calendar: read-only for the
 * town admin; the demo's system operator (yunwei) adds a 调休上班 day and an order's deadline moves.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setUpJourney } from './support/journey.ts';
import { choose } from './support/select.ts';

const { newPage, login, shoot } = setUpJourney();

async function openMenu(page: Page, label: string): Promise<void> {
  await page.locator('.ant-layout-sider .ant-menu-item').filter({ hasText: label }).click();
}

describe('乡镇信息 and 包联', () => {
  it('lets the county admin edit office hours, add a town, and grant a county supervisor both towns', async () => {
    const { context, page } = await newPage();
    await login(page, 'admin');
    await openMenu(page, '乡镇信息');
    await expect
      .poll(() => page.locator('.ant-descriptions').textContent())
      .toContain('08:30–12:00，14:00–17:30');
    await page.getByRole('button', { name: /编\s*辑/ }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '编辑乡镇信息' });
    await modal.getByLabel('乡镇名称').fill('青石镇');
    await modal.getByRole('button', { name: '移除时段' }).last().click();
    await modal.getByRole('button', { name: /保\s*存/ }).click();
    await expect
      .poll(() => page.locator('.ant-descriptions').textContent())
      .toContain('办公时间08:30–12:00');
    await expect
      .poll(() => page.locator('.ant-descriptions').textContent())
      .not.toContain('14:00–17:30');

    await page.getByRole('button', { name: '新增乡镇' }).click();
    const add = page.locator('.ant-modal').filter({ hasText: '新增乡镇' });
    await add.getByLabel('乡镇名称').fill('东山镇');
    await add.getByLabel('乡镇编码').fill('dongshan');
    await add.getByRole('button', { name: /新\s*增/ }).click();
    const row = page.locator('.ant-table-row').filter({ hasText: '东山镇' });
    await expect.poll(() => row.count()).toBe(1);
    await shoot(page, 'town.png');

    await openMenu(page, '用户');
    await page.getByRole('button', { name: '新建用户' }).click();
    const form = page.locator('.ant-modal').filter({ hasText: '新建用户' });
    await form.getByLabel('用户名').fill('xiandu');
    await form.getByLabel('显示名称').fill('县督查（两镇）');
    await choose(page, form.locator('#roles_0_role'), '县级督查');
    await form.getByRole('button', { name: '添加角色' }).click();
    await choose(page, form.locator('#roles_1_role'), '县级督查');
    await choose(page, form.locator('#roles_1_townId'), '东山镇');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => page.getByTestId('initial-password').count()).toBe(1);
    await page.getByRole('button', { name: '我已记下' }).click();
    const tags = page.locator('.ant-table-row').filter({ hasText: 'xiandu' }).locator('.ant-tag');
    await expect.poll(() => tags.allTextContents()).toContain('县级督查（东山镇）');
    await context.close();
  });

  it('ends a village liaison with a date, keeping the record (shown with 显示已结束的包联)', async () => {
    const { context, page } = await newPage();
    await login(page, 'admin');
    await openMenu(page, '包联村');
    const row = page.locator('.ant-table-row').filter({ hasText: '石桥村' });
    const tag = row.locator('.ant-tag').first();
    await expect.poll(() => tag.count()).toBe(1);
    const before = await row.locator('.ant-tag').count();
    const leader = (await tag.textContent())!;
    const startsOn = /(\d{4}-\d{2}-\d{2}) 起/.exec(leader)![1]!;
    await tag.click();
    const modal = page.locator('.ant-modal').filter({ hasText: '编辑包联' });
    // Ended on its first day (in the past): it leaves the village's current list.
    await modal.getByLabel('结束日期').fill(startsOn);
    await modal.getByLabel('结束日期').press('Enter');
    await modal.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('已结束包联');
    await expect.poll(() => row.locator('.ant-tag').count()).toBe(before - 1);
    await page.getByRole('switch').click();
    await expect
      .poll(() => row.locator('.ant-tag').allTextContents())
      .toContainEqual(expect.stringContaining(`${startsOn} 至 ${startsOn}`));
    await context.close();
  });
  it('shows a town admin the work calendar read-only with its warning, and the public entry QR poster', async () => {
    const { context, page } = await newPage();
    await login(page, 'admin');
    await page.getByRole('menuitem', { name: '工作日历' }).click();
    await page.waitForURL(/\/settings\/work-calendar$/);
    const warning = page.getByTestId('calendar-next-year-warning');
    await warning.waitFor();
    expect(await warning.textContent()).toMatch(/\d{4} 年的节假日安排尚未录入/);
    expect(await page.getByText('乡镇只能查看').count()).toBe(1);
    expect(await page.getByRole('button', { name: /录入|修改/ }).count()).toBe(0);
    await expect
      .poll(() => page.getByTestId('calendar-days').locator('.ant-table-row').count())
      .toBeGreaterThan(0);
    expect(await page.getByTestId('calendar-days').textContent()).toContain('放假');
    await shoot(page, 'work-calendar.png');
    // A town admin may not write the national calendar: the server refuses too.
    const year = new Date().getFullYear() + 1;
    const refused = await page.request.put(`/api/v1/work-calendar/${year}`, { data: { days: [] } });
    expect(refused.status()).toBe(403);

    await page.getByRole('menuitem', { name: '群众诉求入口' }).click();
    const url = page.getByTestId('public-entry-url');
    await url.waitFor();
    expect(await url.textContent()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/public\/appeal\/qingshi$/);
    const poster = page.getByTestId('public-entry-poster');
    await poster.locator('svg').first().waitFor();
    expect(await poster.textContent()).toContain('群众诉求 扫码反映');
    await poster.scrollIntoViewIfNeeded();
    await shoot(page, 'public-entry-poster.png');
    // Printed, the poster stands alone on the page.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: '打印海报' }).isVisible()).toBe(false);
    expect(await poster.isVisible()).toBe(true);
    await context.close();
  });

  it("lets the system operator add a 调休上班 day, and moves an open order's deadline", async () => {
    const { context, page: desk } = await newPage();
    await login(desk, 'admin');
    const me = (await (await desk.request.get('/api/v1/auth/me')).json()) as { homeTownId: string };
    const openOrders = async () => {
      const res = await desk.request.get(`/api/v1/towns/${me.homeTownId}/appeals?limit=200`);
      const { items } = (await res.json()) as { items: OrderDue[] };
      return new Map(
        items.filter((o) => !o.closedAt && !o.overdue && o.nextDueAt).map((o) => [o.id, o]),
      );
    };
    const before = await openOrders();
    // The first Saturday ahead that is not a working day yet becomes one (调休上班).
    const today = beijingDate(new Date());
    const entered = new Set<string>();
    for (const y of [0, 1].map((n) => Number(today.slice(0, 4)) + n)) {
      const res = await desk.request.get(`/api/v1/work-calendar/${y}`);
      for (const d of ((await res.json()) as { days: { date: string }[] }).days)
        entered.add(d.date);
    }
    let saturday = addDays(today, (6 - new Date(`${today}T00:00:00Z`).getUTCDay() + 7) % 7 || 7);
    while (entered.has(saturday)) saturday = addDays(saturday, 7);
    const year = Number(saturday.slice(0, 4));

    const { context: opContext, page: op } = await newPage();
    await login(op, 'yunwei');
    // No town role: the 工作台 points at the calendar, the menu offers nothing of the town.
    await op.getByTestId('system-home').waitFor();
    const offered = await op.locator('.ant-layout-sider .ant-menu-item').allInnerTexts();
    expect(offered.filter((label) => !['工作台', '工作日历'].includes(label))).toEqual([]);
    await op.getByRole('button', { name: '打开工作日历' }).click();
    await op.waitForURL(/\/settings\/work-calendar$/);
    if (year !== new Date().getFullYear()) await choose(op, op.getByLabel('年份'), `${year} 年`);
    await op.getByRole('button', { name: /^(修\s*改|录\s*入)$/ }).click();
    const editor = op.getByTestId('calendar-editor');
    await editor.getByRole('button', { name: '添加日期' }).click();
    await editor.getByLabel('日期').last().fill(saturday);
    await editor.getByLabel('日期').last().press('Enter');
    await choose(op, editor.getByLabel('类型').last(), '调休上班');
    await editor.getByLabel('名称').last().fill('调休');
    await editor.getByRole('button', { name: `保存 ${year} 年` }).click();
    const saved = op.locator('.ant-message').filter({ hasText: `已保存 ${year} 年工作日历` });
    await saved.waitFor();
    const recomputed = Number(/重算了 (\d+) 件/.exec((await saved.textContent())!)![1]);
    expect(recomputed).toBeGreaterThan(0);
    const row = op
      .getByTestId('calendar-days')
      .locator('.ant-table-row')
      .filter({ hasText: saturday });
    expect(await row.textContent()).toContain('调休上班');
    await shoot(op, 'work-calendar-operator.png');

    // The town sees it: an order whose working-day clock ran over that Saturday is due earlier.
    const after = await openOrders();
    const moved = [...before.values()].filter(
      (o) => after.get(o.id) && after.get(o.id)!.nextDueAt !== o.nextDueAt,
    );
    expect(moved.length).toBeGreaterThan(0);
    const order = moved[0]!;
    const newDue = after.get(order.id)!.nextDueAt!;
    expect(Date.parse(newDue)).toBeLessThan(Date.parse(order.nextDueAt!));
    await desk.goto(`/appeals/orders/${order.id}`);
    const due = desk
      .locator('th.ant-descriptions-item-label', { hasText: '当前期限' })
      .locator('xpath=following-sibling::td[1]');
    await expect.poll(() => due.textContent()).toContain(beijingTime(newDue).slice(5));
    expect(await due.textContent()).not.toContain(beijingTime(order.nextDueAt!).slice(5));
    await opContext.close();
    await context.close();
  });
});

interface OrderDue {
  id: string;
  nextDueAt: string | null;
  overdue: boolean;
  closedAt: string | null;
}

/** `2026-12-16 15:59` in the town's clock. */
function beijingTime(iso: string): string {
  return new Date(iso).toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 16);
}
const beijingDate = (d: Date) => beijingTime(d.toISOString()).slice(0, 10);
function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
