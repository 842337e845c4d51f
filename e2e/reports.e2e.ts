/**
 * 述职报告 in a real browser against a real server: xuanchuan (宣传委员) drafts the 2025 report,
 * sees the metric chips, opens the records behind one, edits a paragraph and saves (new version,
 * chips kept), runs 检查, then freezes it and the editor turns read-only.
 */
import { describe, expect, it } from 'vitest';
import { setUpJourney } from './support/journey.ts';

const { newPage, login, shoot } = setUpJourney();

describe('duty report editor', () => {
  it('drafts, drills into a number, saves, checks and freezes', async () => {
    const { context, page } = await newPage();
    await login(page, 'xuanchuan');
    await page.goto('/reports');
    await page.getByRole('button', { name: /生成初稿/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: /生\s*成/ }).click();
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/, { timeout: 60_000 });

    const chips = page.locator('[data-testid=metric-chip]');
    await chips.first().waitFor({ timeout: 60_000 });
    const chipCount = await chips.count();
    expect(chipCount).toBeGreaterThan(3);
    await expect.poll(() => page.locator('[data-testid=outline-item]').count()).toBeGreaterThan(3);

    // the records behind the first number: as many rows as its value (first page, ≤ 20)
    const first = (await chips.first().innerText()).trim();
    await chips.first().locator('.ant-tag').click();
    const drawer = page.locator('.ant-drawer-open');
    await drawer.locator('[data-testid=chip-records] tbody tr.ant-table-row').first().waitFor({ timeout: 20_000 });
    const value = Number(first.match(/^\d+/)?.[0] ?? '0');
    expect(await drawer.locator('[data-testid=chip-records] tbody tr.ant-table-row').count()).toBe(Math.min(value, 20));
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' }).catch(() => {});

    // edit the first titled section's paragraph and save
    await page.locator('.report-section-editor .tiptap').nth(1).click();
    await page.keyboard.press('End');
    await page.keyboard.type('（端到端测试补充）');
    await expect.poll(() => page.getByText('有未保存的修改').count()).toBe(1);
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('草稿 · 第 2 版').waitFor({ timeout: 20_000 });
    expect(await page.getByText('（端到端测试补充）').count()).toBe(1);
    expect(await chips.count()).toBe(chipCount);

    await page.getByRole('button', { name: /检\s*查/ }).click();
    await page.locator('.ant-drawer-open').getByText(/错误 \d+/).waitFor();
    await page.keyboard.press('Escape');
    await page.waitForTimeout(500);
    await page.locator('.report-title').click();
    await shoot(page, 'report-editor.png');

    await page.getByRole('button', { name: /定\s*稿/ }).click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: /定\s*稿/ }).click();
    await page.getByText('已定稿').first().waitFor({ timeout: 20_000 });
    expect(await page.locator('.tiptap[contenteditable=true]').count()).toBe(0);
    expect(await page.getByRole('button', { name: /保\s*存/ }).count()).toBe(0);
    await context.close();
  }, 240_000);
});
