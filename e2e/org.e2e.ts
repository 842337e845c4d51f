/**
 * Main journeys of the organisation module in a real browser against a real server: sign-in,
 * the unit tree of the demo town, what a unit carries (承担业务), searching and adding people,
 * role-dependent menus, and the
 * JavaScript budget of the login and home pages: ≤ 250 KB as served (compressed) each.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setUpJourney } from './support/journey.ts';
import { choose } from './support/select.ts';
import { ADMIN_PASSWORD } from './support/server.ts';

const JS_BUDGET = 250 * 1024;
const { newPage, login, shoot } = setUpJourney();

/** Screenshot without hover effects or toasts in the way. */

async function openMenu(page: Page, label: string): Promise<void> {
  await page.locator('.ant-layout-sider .ant-menu-item').filter({ hasText: label }).click();
}

describe('organisation pages', () => {
  it('shows the Chinese reason when the password is wrong', async () => {
    const { context, page } = await newPage();
    await page.goto('/login');
    await page.waitForSelector('form');
    await shoot(page, 'login.png');
    await login(page, 'admin', { password: 'not-the-password', stayOnLogin: true });
    await expect
      .poll(() => page.getByTestId('login-error').textContent())
      .toContain('用户名或密码错误');
    expect(page.url()).toContain('/login');
    await context.close();
  });

  it('lets the admin browse units, search people, add a person and list positions', async () => {
    const { context, page } = await newPage();
    await login(page, 'admin');
    await page.waitForSelector('[data-testid=count-villages] .ant-statistic-content-value');
    expect(await page.getByTestId('town-name').textContent()).toBe('青石镇');
    expect(
      await page
        .getByTestId('count-villages')
        .locator('.ant-statistic-content-value')
        .textContent(),
    ).toBe('16');
    await shoot(page, 'home.png');

    // 单位: the tree opens at the top level, so all 16 villages under 政府 are visible.
    await openMenu(page, '单位');
    const villages = page.locator('[data-testid=unit-node][data-kind=village]');
    await expect.poll(() => villages.count()).toBe(16);
    await villages.filter({ hasText: '石桥村' }).click();
    await expect
      .poll(() => page.getByTestId('unit-form').getByLabel('单位名称').inputValue())
      .toBe('石桥村');
    await shoot(page, 'units.png');

    // 人员: search by the name of someone the server lists.
    await openMenu(page, '人员');
    await page.waitForSelector('.ant-table-row');
    const somebody = (await page
      .locator('.ant-table-row')
      .nth(3)
      .locator('td')
      .first()
      .textContent())!.trim();
    await page.getByPlaceholder('输入姓名查找').fill(somebody);
    await page.getByPlaceholder('输入姓名查找').press('Enter');
    await expect
      .poll(async () => {
        const names = await page.locator('.ant-table-row td:first-child').allTextContents();
        return names.length > 0 && names.length < 20 && names.every((n) => n.includes(somebody));
      })
      .toBe(true);

    // Create a person and find them in the list.
    const newName = `测试${Date.now() % 100000}`;
    await page.getByRole('button', { name: /新增人员/ }).click();
    const form = page.getByTestId('person-form');
    await form.getByLabel('姓名').fill(newName);
    await form.getByLabel('联系电话').fill('123');
    await page.getByTestId('person-save').click();
    await expect
      .poll(() => form.locator('.ant-form-item-explain-error').first().textContent())
      .toContain('手机号');
    await form.getByLabel('联系电话').fill('13800138000');
    await page.getByTestId('person-save').click();
    await page.waitForSelector('.ant-drawer', { state: 'detached' });
    await page.getByPlaceholder('输入姓名查找').fill(newName);
    await page.getByPlaceholder('输入姓名查找').press('Enter');
    await expect
      .poll(() => page.locator('.ant-table-row td:first-child').allTextContents())
      .toEqual([newName]);
    await page.getByPlaceholder('输入姓名查找').fill('');
    await page.getByPlaceholder('输入姓名查找').press('Enter');
    await expect.poll(() => page.locator('.ant-table-row').count()).toBe(20);
    await shoot(page, 'people.png');

    // 任职: positions with portfolio names, not codes.
    await openMenu(page, '任职');
    await expect
      .poll(() => page.locator('.ant-card-head-title').first().textContent())
      .toBe('任职');
    await expect
      .poll(() => page.locator('.ant-table-tbody').first().textContent())
      .toContain('党委书记');
    await expect
      .poll(() => page.locator('.ant-table-tbody').first().textContent())
      .toContain('党的建设');
    await shoot(page, 'positions.png');

    // The admin sees the 用户 page.
    await openMenu(page, '用户');
    await expect
      .poll(() => page.locator('.ant-card-head-title').first().textContent())
      .toBe('用户');
    await expect
      .poll(() => page.locator('.ant-table-tbody').first().textContent())
      .toContain('cunganbu');
    await shoot(page, 'users.png');

    await openMenu(page, '包联村');
    await expect.poll(() => page.locator('.ant-table-tbody .ant-table-row').count()).toBe(16);
    await shoot(page, 'liaisons.png');
    await context.close();
  });

  it('lets the admin pick the portfolios a unit carries, shown in the tree', async () => {
    const { context, page } = await newPage();
    await login(page, 'admin');
    await openMenu(page, '单位');
    const station = page.locator('[data-testid=unit-node]').filter({ hasText: '退役军人服务站' });
    await station.click();
    const form = page.getByTestId('unit-form');
    await expect.poll(() => form.getByLabel('单位名称').inputValue()).toBe('退役军人服务站');
    await choose(page, form.getByLabel('承担业务（分管领域）'), '武装');
    await page.keyboard.press('Escape');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => station.textContent(), { timeout: 20_000 }).toContain('承担：武装');
    await expect
      .poll(() =>
        page.locator('[data-testid=unit-node]').filter({ hasText: '宣传统战办公室' }).textContent(),
      )
      .toContain('承担：宣传和精神文明、意识形态');
    await context.close();
  });

  it('hides the 用户 menu and write buttons from a village cadre', async () => {
    const { context, page } = await newPage();
    await login(page, 'cunganbu');
    await page.waitForSelector('.ant-layout-sider .ant-menu');
    const items = await page.locator('.ant-layout-sider .ant-menu-item').allTextContents();
    expect(items).toContain('人员');
    expect(items).not.toContain('用户');
    await openMenu(page, '人员');
    await page.waitForSelector('.ant-table-row');
    expect(await page.getByRole('button', { name: /新增人员/ }).count()).toBe(0);
    await context.close();
  });
});

/**
 * JavaScript bytes as served (compressed, as they crossed the wire: Content-Length of the encoded
 * body) of every script the browser fetched while `visit` ran, and how each was encoded.
 */
async function servedScripts(
  page: Page,
  visit: () => Promise<void>,
): Promise<{ total: number; files: string[]; encodings: Set<string>; plain: string[] }> {
  const sizes = new Map<string, number>();
  const encodings = new Set<string>();
  const plain: string[] = [];
  const pending: Promise<void>[] = [];
  page.on('response', (res) => {
    if (res.request().resourceType() !== 'script') return;
    pending.push(
      (async () => {
        const headers = await res.allHeaders();
        const encoding = headers['content-encoding'] ?? 'identity';
        encodings.add(encoding);
        const length = Number(headers['content-length']);
        const wire = (await res.request().sizes()).responseBodySize;
        const size = Number.isFinite(length) && length > 0 ? length : wire;
        sizes.set(res.url(), size);
        // The build leaves files under 1 KB as they are: compressing them saves nothing.
        if (encoding === 'identity' && size >= 1024) plain.push(res.url());
      })(),
    );
  });
  await visit();
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);
  const largest = [...sizes].sort((a, b) => b[1] - a[1]).slice(0, 8);
  console.log(
    largest.map(([u, n]) => `  ${(n / 1024).toFixed(1)} KB ${u.replace(/^.*\//, '')}`).join('\n'),
  );
  return {
    total: [...sizes.values()].reduce((a, b) => a + b, 0),
    files: [...sizes.keys()],
    encodings,
    plain,
  };
}

describe('JavaScript budget', () => {
  it('serves at most 250 KB of compressed JavaScript before the login page is ready', async () => {
    const { context, page } = await newPage();
    const { total, files, encodings, plain } = await servedScripts(page, async () => {
      await page.goto('/login');
      await page.waitForSelector('form');
    });
    console.log(
      `login page: ${(total / 1024).toFixed(1)} KB of JS as served (${[...encodings]}) in ${files.length} files`,
    );
    expect(encodings).toContain('br');
    expect(plain).toEqual([]);
    expect(total).toBeLessThanOrEqual(JS_BUDGET);
    await context.close();
  });

  it('serves at most 250 KB of compressed JavaScript before the 工作台 is ready', async () => {
    const { context, page } = await newPage();
    const res = await context.request.post('/api/v1/auth/login', {
      data: { username: 'admin', password: ADMIN_PASSWORD },
    });
    expect(res.status()).toBe(200);
    const { total, files, encodings, plain } = await servedScripts(page, async () => {
      await page.goto('/');
      await page.waitForSelector('[data-testid=count-villages] .ant-statistic-content-value');
    });
    console.log(
      `工作台: ${(total / 1024).toFixed(1)} KB of JS as served (${[...encodings]}) in ${files.length} files`,
    );
    expect(encodings).toContain('br');
    expect(plain).toEqual([]);
    expect(total).toBeLessThanOrEqual(JS_BUDGET);
    await context.close();
  });
});
