/**
 * Journeys of 乡镇信息 and 包联: the admin sets the town's office hours, adds a second town as the
 * county admin and switches to it, grants a county supervisor both towns in the user form, and
 * ends a village liaison with a date instead of deleting it.
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
});
