/**
 * Main journeys of the ledger and metric pages in a real browser against a real server: the
 * ledger catalogue, the demo records of 宣传信息报送, adding a record through the generated form,
 * an Excel import whose errors come back as a row/column table, the admin form builder saving a
 * new version, a composite unique rule added in the rules editor refusing a duplicate record, and
 * the metric explorer (value, breakdown chart, drill-down rows matching a count).
 */
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { choose } from './support/select.ts';
import { setUpJourney } from './support/journey.ts';

const { newPage, login, shoot } = setUpJourney();

const rows = (page: Page, testId: string) =>
  page.locator(`[data-testid=${testId}] tbody tr.ant-table-row`);

describe('ledger and metric pages', () => {
  it('lists demo records of a ledger and adds one through the generated form', async () => {
    const { context, page } = await newPage();
    await login(page, 'admin');
    await page.locator('.ant-layout-sider .ant-menu-item').filter({ hasText: '台账' }).click();
    await expect
      .poll(() => page.getByTestId('ledger-type-link').count(), { timeout: 20_000 })
      .toBeGreaterThan(20);
    expect(await page.getByTestId('ledger-group').first().textContent()).toBeTruthy();

    await page.getByTestId('ledger-type-link').filter({ hasText: '宣传信息报送' }).click();
    await expect.poll(() => page.getByTestId('ledger-title').textContent()).toBe('宣传信息报送');
    await expect.poll(() => rows(page, 'record-table').count(), { timeout: 20_000 }).toBe(20);
    // Names, not ids: the author column shows people's names.
    const firstRow = await rows(page, 'record-table').first().textContent();
    expect(firstRow).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    await shoot(page, 'ledger-list.png');

    await page.getByTestId('record-new').click();
    const form = page.getByTestId('record-form');
    await form.waitFor();
    const title = `镇村联动推进秸秆禁烧 ${Date.now() % 100000}`;
    await form.getByLabel('标题').fill(title);
    await form.getByLabel('采用媒体/平台').fill('县融媒体中心');
    await choose(page, form.getByLabel('采用层级'), '省级');
    await choose(page, form.getByLabel('渠道'), '公众号');
    await form.getByLabel('刊发日期').click();
    await page
      .locator(
        '.ant-picker-dropdown:visible .ant-picker-now-btn, .ant-picker-dropdown:visible .ant-picker-today-btn',
      )
      .first()
      .click();
    // The panel fades out after the pick; on a loaded machine it can still cover the next field.
    await page.locator('.ant-picker-dropdown:visible').waitFor({ state: 'hidden' });
    await choose(page, form.getByLabel('作者'), '');
    await choose(page, form.getByLabel('报送单位'), '石桥村');
    await shoot(page, 'ledger-form.png');
    await page.getByTestId('record-save').click();
    await form.waitFor({ state: 'detached' });
    // Newest first (sorted by 刊发日期 desc): today's record heads the list.
    await expect
      .poll(() => rows(page, 'record-table').first().textContent(), { timeout: 20_000 })
      .toContain(title);
    await context.close();
  });

  it('reports Excel import problems by row and column and lets the admin add a field', async () => {
    const { context, page } = await newPage();
    await login(page, 'admin');
    await page.goto('/ledgers/propaganda_item');
    await expect.poll(() => rows(page, 'record-table').count(), { timeout: 20_000 }).toBe(20);

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('宣传信息报送');
    ws.addRow(['标题', '采用媒体/平台', '采用层级', '渠道', '刊发日期', '作者']);
    ws.addRow(['', '市日报', '乡级', '公众号', '2025-03-01', '不存在的人']);
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    await page.getByRole('button', { name: '导入' }).click();
    await page.locator('.ant-modal input[type=file]').setInputFiles({
      name: '错误示例.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer,
    });
    await expect
      .poll(() => rows(page, 'import-errors').count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    expect(await page.getByTestId('import-errors').textContent()).toContain('宣传信息报送');
    await page.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();

    await page.goto('/ledgers/propaganda_item/design');
    await page.getByTestId('field-add').click();
    const last = page.getByTestId('field-editor').last();
    await last.getByLabel('字段名称').fill('阅读量');
    await last.getByLabel('字段标识').fill('reads');
    await choose(page, last.getByLabel('类型'), '数字');
    await last.getByLabel('单位').fill('次');
    await page.getByTestId('type-save').click();
    await page.waitForURL((u) => u.pathname === '/ledgers/propaganda_item');
    await page.locator('.ant-card-extra [data-version="2"]').first().waitFor({ timeout: 20_000 });
    await page.getByTestId('record-new').click();
    await page.getByTestId('record-form').getByLabel('阅读量').waitFor();
    await context.close();
  });

  it('adds a composite unique rule in the rules editor and refuses a duplicate record in Chinese', async () => {
    const { context, page } = await newPage();
    await login(page, 'admin');
    // A fresh type, so no demo record already repeats the pair the rule is about.
    const [town] = (await (await page.request.get('/api/v1/towns')).json()) as { id: string }[];
    const code = `household_visit_${Date.now() % 100000}`;
    const created = await page.request.post(`/api/v1/towns/${town!.id}/ledger-types`, {
      data: {
        code,
        name: '困难户走访',
        portfolio: 'civil_affairs',
        description: '入户走访困难群众',
        fields: [
          { key: 'household', label: '户主姓名', type: 'text', required: true },
          { key: 'village', label: '所在村', type: 'unit', required: true },
          { key: 'visited_on', label: '走访日期', type: 'date', required: true },
        ],
        defaultSort: { field: 'visited_on', direction: 'desc' },
        dateField: 'visited_on',
        unitField: 'village',
        metrics: [],
      },
    });
    expect(created.status()).toBe(201);

    await page.goto(`/ledgers/${code}/design`);
    await page.getByTestId('rule-add').click();
    const rule = page.getByTestId('rule-editor').last();
    for (const label of ['户主姓名', '所在村']) {
      await choose(page, rule.getByLabel('字段组合'), label);
      await page.keyboard.press('Escape');
    }
    await rule.getByLabel('提示（说明依据）').fill('同一村的困难户只登记一次');
    await page.getByTestId('type-save').click();
    await page.waitForURL((u) => u.pathname === `/ledgers/${code}`);
    await page.locator('.ant-card-extra [data-version="2"]').first().waitFor({ timeout: 20_000 });

    const addVisit = async () => {
      await page.getByTestId('record-new').click();
      const form = page.getByTestId('record-form');
      await form.waitFor();
      await form.getByLabel('户主姓名').fill('王秀英');
      await choose(page, form.getByLabel('所在村'), '石桥村');
      await form.getByLabel('走访日期').click();
      await page
        .locator(
          '.ant-picker-dropdown:visible .ant-picker-now-btn, .ant-picker-dropdown:visible .ant-picker-today-btn',
        )
        .first()
        .click();
      await expect.poll(() => form.getByLabel('走访日期').inputValue()).not.toBe('');
      await page.getByTestId('record-save').click();
      return form;
    };
    const first = await addVisit();
    await first.waitFor({ state: 'detached' });
    await expect.poll(() => rows(page, 'record-table').count(), { timeout: 20_000 }).toBe(1);
    const second = await addVisit();
    const fieldError = second.locator('.ant-form-item-explain-error').first();
    // The rule's own reason, then both fields and their values by name (the unit picked under 石桥村).
    await expect
      .poll(() => fieldError.textContent(), { timeout: 20_000 })
      .toMatch(
        /^同一村的困难户只登记一次：户主姓名、所在村为“王秀英、石桥村[^”]*”的记录已存在，不能重复$/,
      );
    await expect
      .poll(() =>
        page.locator('.ant-message-notice').filter({ hasText: '记录已存在，不能重复' }).count(),
      )
      .toBe(1);
    await page.keyboard.press('Escape');
    expect(await rows(page, 'record-table').count()).toBe(1);
    await context.close();
  });

  it('shows a metric value, its breakdown and drill-down rows that add up to the count', async () => {
    const { context, page } = await newPage();
    await login(page, 'admin');
    await page.locator('.ant-layout-sider .ant-menu-item').filter({ hasText: '指标' }).click();
    await choose(page, page.getByTestId('metric-select'), '批准入伍人数');
    // Last year is the finished demo year: pick the 去年 preset of the period.
    await page.getByTestId('metric-period').first().click();
    await page
      .locator('.ant-picker-dropdown:visible .ant-picker-presets li')
      .filter({ hasText: '去年' })
      .click();

    // The demo moves with the clock, so this year has records too: read the figure only once the
    // card shows the server's answer for last year (its period line comes from that answer).
    const lastYear = new Date().getFullYear() - 1;
    await expect
      .poll(() => page.getByTestId('metric-value-card').textContent(), { timeout: 20_000 })
      .toContain(`${lastYear}-01-01 至 ${lastYear}-12-31`);
    const valueEl = page.getByTestId('metric-value').locator('.ant-statistic-content-value');
    const valueOf = async () => Number(await valueEl.textContent().catch(() => 'NaN'));
    const value = await valueOf();
    expect(value).toBeGreaterThan(0);
    expect(value).toBeLessThanOrEqual(50); // a small count: the first drill-down page holds every row
    await expect.poll(() => rows(page, 'drill-table').count(), { timeout: 20_000 }).toBe(value);
    expect(await valueOf()).toBe(value); // the figure did not change under the rows
    await page.getByTestId('metric-chart').locator('canvas').waitFor();
    await page.waitForTimeout(800); // let the bars finish growing
    await shoot(page, 'metric-explorer.png');
    await context.close();
  });
});
