/// <reference lib="dom" />
/**
 * 问题清单 and 分析通报 journeys in a real browser against a real server: the dispatcher runs
 * detection over the demo year, confirms the planted 河湾村 proposal into a problem and clicks
 * through to one of its orders; the party secretary generates a quarterly bulletin, checks its
 * figures against the KPI API, drills into one and downloads the Word file; a proposal is
 * dismissed and undone; a bulletin is issued and reopened from the list; the county supervisor
 * sees the ranking of their towns and opens a town's orders from it.
 */
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { setUpJourney } from './support/journey.ts';
import { choose } from './support/select.ts';

const { newPage, login, shoot } = setUpJourney();
/** Lazy pages, reference data and a shared 2-core machine: give first loads time. */
const SLOW = { timeout: 20_000 };

describe('appeal analysis pages', () => {
  it('detects repeated complaints, confirms one into a problem and opens its orders', async () => {
    const { context, page } = await newPage();
    await login(page, 'paidan');
    await page.goto('/appeals/problems');
    const list = page.getByTestId('problem-list');
    await expect.poll(() => list.locator('.ant-table-row').count(), SLOW).toBeGreaterThanOrEqual(4);
    expect(await list.textContent()).toContain('青松村村口3号路灯反复损坏');

    await page.getByRole('tab', { name: '重复诉求识别' }).click();
    await choose(page, page.getByTestId('proposals').getByTestId('proposal-village'), '河湾村');
    await page.getByRole('button', { name: '开始识别' }).click();
    await page.getByTestId('proposal-summary').waitFor();
    const row = page
      .getByTestId('proposals')
      .locator('.ant-table-row')
      .filter({ hasText: '河湾村桥头垃圾' })
      .first();
    await row.waitFor();
    expect(await row.textContent()).toContain('4 件');
    await row.getByRole('button', { name: '确认为问题' }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '确认为问题清单' });
    await modal.waitFor();
    expect(await modal.getByLabel('问题名称').inputValue()).toContain('河湾村桥头垃圾');
    await modal.locator('.ant-modal-footer .ant-btn-primary').click();

    const drawer = page.getByTestId('problem-drawer');
    await expect
      .poll(() => drawer.getByTestId('problem-order-count').textContent(), SLOW)
      .toBe('4 件');
    await expect
      .poll(() => drawer.getByTestId('linked-orders').locator('.ant-table-row').count(), SLOW)
      .toBe(4);
    // Confirming switches to the list, where the new problem now stands behind its drawer.
    await expect.poll(() => list.textContent(), SLOW).toContain('河湾村桥头垃圾');
    await page.waitForTimeout(600); // drawer animation
    await shoot(page, 'appeal-problems.png');

    const first = drawer.getByTestId('linked-orders').locator('.ant-table-row a').first();
    const code = (await first.textContent())!;
    await first.click();
    await expect.poll(() => page.getByTestId('order-code').textContent(), SLOW).toBe(code);
    await context.close();
  });

  it('dismisses a proposal with a reason, finds it under 已忽略 and undoes it', async () => {
    const { context, page } = await newPage();
    await login(page, 'paidan');
    await page.goto('/appeals/problems?tab=detect');
    const proposals = page.getByTestId('proposals');
    await choose(page, proposals.getByTestId('proposal-village'), '石桥村');
    await page.getByRole('button', { name: '开始识别' }).click();
    const row = proposals.locator('.ant-table-row').filter({ hasText: '石桥村三组水压低' }).first();
    await row.waitFor(SLOW);
    await row.getByRole('button', { name: '忽略' }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '忽略这条建议' });
    await modal.waitFor();
    await modal.getByLabel('忽略理由').fill('供水管网改造已列入县水务局计划，不单列问题');
    await modal.locator('.ant-modal-footer .ant-btn-primary').click();
    await expect
      .poll(
        () => proposals.locator('.ant-table-row').filter({ hasText: '石桥村三组水压低' }).count(),
        SLOW,
      )
      .toBe(0);
    // Running detection again does not bring it back.
    await page.getByRole('button', { name: '开始识别' }).click();
    await page.getByTestId('proposal-summary').waitFor();
    await page.waitForTimeout(500);
    expect(
      await proposals.locator('.ant-table-row').filter({ hasText: '石桥村三组水压低' }).count(),
    ).toBe(0);

    await page.getByRole('tab', { name: '已忽略' }).click();
    const dismissed = page
      .getByTestId('dismissed-list')
      .locator('.ant-table-row')
      .filter({ hasText: '石桥村三组水压低' });
    await dismissed.waitFor(SLOW);
    expect(await dismissed.textContent()).toContain('供水管网改造已列入县水务局计划');
    await shoot(page, 'appeal-dismissed.png');
    await dismissed.getByRole('button', { name: '撤销忽略' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '撤销忽略' }).click();
    await expect
      .poll(
        () =>
          page
            .getByTestId('dismissed-list')
            .locator('.ant-table-row')
            .filter({ hasText: '石桥村三组水压低' })
            .count(),
        SLOW,
      )
      .toBe(0);
    await page.getByRole('tab', { name: '重复诉求识别' }).click();
    await page.getByRole('button', { name: '开始识别' }).click();
    await proposals
      .locator('.ant-table-row')
      .filter({ hasText: '石桥村三组水压低' })
      .first()
      .waitFor(SLOW);
    await context.close();
  });

  // Issued, it stands in the list with its figures fixed and opens with its own Word file.
  it('issues a bulletin', async () => {
    const { context, page } = await newPage();
    await login(page, 'shuji');
    await page.goto('/appeals/bulletin?from=2025-07-01&to=2025-09-30&mode=quarter');
    const received = page
      .getByTestId('bulletin-appeals.received')
      .locator('.ant-statistic-content-value');
    await expect
      .poll(async () => Number(((await received.textContent()) ?? '').replace(/,/g, '')) || 0, SLOW)
      .toBeGreaterThan(50);
    const live = (await received.textContent())!.replace(/,/g, '');
    expect(
      await page.frameLocator('[data-testid=bulletin-preview]').locator('table.figures').count(),
    ).toBe(2);
    await page.getByTestId('bulletin-issue').click();
    // Who signs it: the town government by default; the 机关代字 of the 发文字号 chosen here.
    expect(await page.getByTestId('bulletin-issuer').inputValue()).toBe('青石镇人民政府');
    await page.getByTestId('bulletin-doc-code').fill('青诉办');
    await shoot(page, 'appeal-bulletin-issue.png');
    await page.locator('.ant-popconfirm').getByRole('button', { name: '签发' }).click();
    const issued = page
      .getByTestId('issued-bulletins')
      .locator('.ant-table-row')
      .filter({ hasText: '第1期' });
    await issued.waitFor(SLOW);
    expect(await issued.textContent()).toContain('2025-07-01 至 2025-09-30');
    await issued.click();
    const drawer = page.getByTestId('issued-drawer');
    await drawer.getByTestId('issued-meta').waitFor(SLOW);
    const preview = page.frameLocator('[data-testid=issued-preview]');
    await preview.locator('h1').waitFor();
    expect(await preview.locator('.byline').textContent()).toContain('第1期');
    expect(await preview.locator('.doc-number').textContent()).toMatch(/^青诉办〔\d{4}〕1号$/u);
    expect(await preview.locator('.signature').first().textContent()).toBe('青石镇人民政府');
    expect(await preview.locator('body').textContent()).toContain(`${live}件`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      drawer.getByTestId('issued-docx').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/第1期.*\.docx$/);
    const xml = await (
      await JSZip.loadAsync(readFileSync((await download.path())!))
    )
      .file('word/document.xml')!
      .async('string');
    expect(xml).toContain('<w:tbl>');
    await preview.locator('.metric').first().click();
    await expect
      .poll(() => page.getByTestId('bulletin-drill').locator('.ant-table-row').count(), SLOW)
      .toBeGreaterThan(0);
    await context.close();
  });

  it('generates a quarterly bulletin from the KPI figures, drills into a figure and downloads Word', async () => {
    const { context, page } = await newPage();
    await login(page, 'shuji');
    await page.goto('/appeals/bulletin?from=2025-04-01&to=2025-06-30&mode=quarter');
    const received = page
      .getByTestId('bulletin-appeals.received')
      .locator('.ant-statistic-content-value');
    await expect
      .poll(async () => Number(((await received.textContent()) ?? '').replace(/,/g, '')) || 0, SLOW)
      .toBeGreaterThan(50);
    const api = await page.evaluate(async () => {
      const me = (await (await fetch('/api/v1/auth/me')).json()) as { homeTownId: string };
      const r = (await (
        await fetch(`/api/v1/towns/${me.homeTownId}/appeals/kpis?from=2025-04-01&to=2025-06-30`)
      ).json()) as { metrics: { id: string; result: { value: number } }[] };
      return r.metrics.find((m) => m.id === 'appeals.received')!.result.value;
    });
    expect(Number((await received.textContent())!.replace(/,/g, ''))).toBe(api);

    const preview = page.frameLocator('[data-testid=bulletin-preview]');
    await preview.locator('h1').waitFor();
    expect(await preview.locator('h1').textContent()).toBe('青石镇诉求办理分析通报');
    expect(await preview.locator('body').textContent()).toContain(`${api}件`);
    await page.waitForTimeout(500);
    await shoot(page, 'appeal-bulletin.png');

    await page.getByTestId('bulletin-appeals.overdue_open').click();
    await page.getByTestId('bulletin-drill').waitFor();
    await page.keyboard.press('Escape');
    await preview.locator('.metric').first().click();
    // The received figure in the text opens exactly its orders (100 a page, then 加载更多).
    const drillRows = page.getByTestId('bulletin-drill').locator('.ant-table-row');
    await expect.poll(() => drillRows.count(), SLOW).toBe(Math.min(100, api));
    while ((await drillRows.count()) < api) {
      const before = await drillRows.count();
      await page.getByRole('button', { name: '加载更多' }).click();
      await expect.poll(() => drillRows.count(), SLOW).toBeGreaterThan(before);
    }
    expect(await drillRows.count()).toBe(api);
    await page.keyboard.press('Escape');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('bulletin-docx').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/分析通报.*\.docx$/);
    const zip = await JSZip.loadAsync(readFileSync((await download.path())!));
    expect(await zip.file('word/document.xml')!.async('string')).toContain(
      '青石镇诉求办理分析通报',
    );
    await context.close();
  });

  it('shows the county supervisor the ranking of their towns', async () => {
    const { context, page } = await newPage();
    await login(page, 'ducha');
    await page.goto('/appeals/bulletin?from=2025-01-01&to=2025-12-31&mode=custom');
    const ranking = page.getByTestId('county-ranking');
    await expect.poll(() => ranking.locator('.ant-table-row').count(), SLOW).toBeGreaterThan(0);
    expect(await ranking.locator('.ant-table-row').first().textContent()).toContain('青石镇');
    // Clicking a town's figure lists that town's orders behind it, read-only.
    const count = Number(
      await ranking.locator('.ant-table-row').first().getByTestId('rank-received').textContent(),
    );
    await ranking.locator('.ant-table-row').first().getByTestId('rank-received').click();
    const rows = page.getByTestId('bulletin-drill').locator('.ant-table-row');
    await expect.poll(() => rows.count(), SLOW).toBe(Math.min(100, count));
    expect(await page.locator('.ant-drawer-title').textContent()).toContain('青石镇受理量');
    await context.close();
  });

  it('links a new order to an existing problem from the intake form (可能与…同类)', async () => {
    const { context, page } = await newPage();
    await login(page, 'paidan');
    await page.goto('/appeals/intake');
    const category = page.getByTestId('intake-category').locator('input');
    await expect.poll(() => category.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('道路设施');
    await page
      .locator('.ant-select-tree-treenode')
      .filter({ hasText: '道路设施' })
      .first()
      .waitFor();
    await page.keyboard.press('Enter');
    await choose(page, page.getByTestId('intake-village'), '青松村');
    await page.getByLabel('联系电话').fill('13900002468');
    await page
      .getByLabel('诉求内容')
      .fill('青松村村口那根3号路灯这几天晚上又不亮了，黑乎乎的走路怕摔');
    const hint = page
      .getByTestId('problem-hints')
      .getByTestId('problem-hint')
      .filter({ hasText: '青松村村口3号路灯反复损坏' });
    await hint.waitFor(SLOW);
    expect(await hint.textContent()).toContain('路灯');
    await hint.getByRole('button', { name: '归入此问题' }).click();
    await expect
      .poll(() => page.getByTestId('problem-choice').textContent())
      .toContain('保存后归入问题「青松村村口3号路灯反复损坏」');
    await shoot(page, 'appeal-intake-problem-hint.png');

    await page.getByRole('button', { name: '受理', exact: true }).click();
    const code = (await page.getByTestId('created-code').textContent(SLOW))!;
    const linked = page.getByTestId('linked-problem');
    await expect.poll(() => linked.textContent(), SLOW).toContain('青松村村口3号路灯反复损坏');
    await linked.getByRole('link').click();
    const drawer = page.getByTestId('problem-drawer');
    const orders = drawer.getByTestId('linked-orders');
    await expect.poll(() => orders.textContent(), SLOW).toContain(code);
    expect(await drawer.getByTestId('problem-order-count').textContent()).toBe('6 件');
    await page.waitForTimeout(600); // drawer animation
    await shoot(page, 'appeal-intake-problem-linked.png');
    await context.close();
  });
});
