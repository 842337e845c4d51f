/**
 * 述职报告 in a real browser against a real server: xuanchuan (宣传委员) drafts the 2025 report,
 * sees the metric chips, opens the records behind one, edits a paragraph, adds a subsection and
 * inserts a number through 插入数据, saves (new version, chips kept, the new chip lint-clean), runs
 * 检查 (a typed number becomes a chip even with unsaved edits), then freezes it and the editor turns
 * read-only. Then a past report with placeholders is uploaded, compared (subsections folded into
 * their 一、), found in the imports list, opened and deleted; an admin reorders a template's sections.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { closeDrawer } from './support/drawer.ts';
import { setUpJourney } from './support/journey.ts';
import { startModelStub } from './support/model-stub.ts';
import { choose } from './support/select.ts';

/** The signed-in user's town, for API calls made with the page's session. */
async function townOf(page: Page): Promise<string> {
  const me = await (await page.request.get('/api/v1/auth/me')).json();
  return me.grants[0].townId as string;
}

const FIXTURE = path.resolve(
  import.meta.dirname,
  '../src/core/report/fixtures/placeholders-sample.txt',
);

// The town's model server for 润色: a stub on 127.0.0.1, started before the app so its address
// goes into the server's environment.
const model = startModelStub();
const { newPage, login, shoot } = setUpJourney({
  env: () => ({ LVZHI_REPHRASE_URL: model.url, LVZHI_REPHRASE_MODEL: 'stub-qwen' }),
});

describe('duty report editor', () => {
  it('drafts, drills into a number, saves, checks and freezes', async () => {
    const { context, page } = await newPage();
    await login(page, 'xuanchuan');
    await page.goto('/reports');
    await page.getByRole('button', { name: /生成初稿/ }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /生\s*成/ })
      .click();
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
    await drawer
      .locator('[data-testid=chip-records] tbody tr.ant-table-row')
      .first()
      .waitFor({ timeout: 20_000 });
    const value = Number(first.match(/^\d+/)?.[0] ?? '0');
    expect(await drawer.locator('[data-testid=chip-records] tbody tr.ant-table-row').count()).toBe(
      Math.min(value, 20),
    );
    await closeDrawer(page);

    // edit the first titled section's paragraph
    // Focus rather than click: a click in the middle of the text may land on a number, which
    // opens its records drawer.
    await page.locator('.report-section-editor .tiptap').nth(1).focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('全年共有7777条信息被各级媒体采用。');
    await expect.poll(() => page.getByText('有未保存的修改').count()).toBe(1);

    // add a subsection under the first titled section, numbered （一） automatically
    const study = page.locator('[data-testid=outline-item].level-1').first();
    const studyId = await study.getAttribute('data-section-id');
    await study.locator('.report-outline-more').click();
    await page.getByRole('menuitem', { name: /添加下级小节/ }).click();
    await page.getByRole('dialog').getByLabel('标题').fill('二、推进移风易俗');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    const added = page.locator('[data-testid=report-section]', {
      has: page.getByText('（一）推进移风易俗'),
    });
    await added.waitFor();
    expect(
      await page
        .locator('[data-testid=outline-item].level-2')
        .getByText('（一）推进移风易俗')
        .count(),
    ).toBe(1);

    // type into it and insert a number through the picker at the caret
    await added.locator('.tiptap').click();
    await page.keyboard.type('全年共采用宣传信息');
    await page.getByRole('button', { name: /插入数据/ }).click();
    const picker = page.getByRole('dialog', { name: '插入数据' });
    await choose(page, picker.getByTestId('chip-metric'), '宣传信息采用数');
    await picker.locator('.ant-statistic-content').waitFor({ timeout: 20_000 });
    const previewed = (await picker.locator('.ant-statistic-content').innerText()).trim();
    await shoot(page, 'report-chip-picker.png');
    await picker.getByTestId('chip-insert').click();
    await added.locator('[data-testid=metric-chip]').waitFor();
    expect((await added.locator('[data-testid=metric-chip]').innerText()).trim()).toBe(previewed);
    await page.keyboard.type('，稿件质量稳步提升。');

    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.locator('[data-testid=report-draft][data-version="2"]').waitFor({ timeout: 20_000 });
    expect(await page.getByText('全年共有7777条信息被各级媒体采用。').count()).toBe(1);
    expect(await chips.count()).toBe(chipCount + 1);

    // the saved chip is recounted by the server and lint finds nothing wrong with it
    const reportPath = `/api/v1/towns/${await townOf(page)}/reports/${page.url().split('/').pop()}`;
    const saved = await (await page.request.get(reportPath)).json();
    const newSection = saved.document.sections.find(
      (x: { heading: string }) => x.heading === '推进移风易俗',
    );
    expect(newSection).toMatchObject({ level: 2 });
    expect(saved.document.sections[saved.document.sections.indexOf(newSection) - 1].id).toBe(
      studyId,
    );
    expect(
      newSection.paragraphs[0].inlines.filter((i: { type: string }) => i.type === 'metric'),
    ).toHaveLength(1);
    const lint = await (await page.request.get(`${reportPath}/lint`)).json();
    expect(
      lint.issues.filter(
        (i: { sectionId: string; code: string }) =>
          i.sectionId === newSection.id && i.code.startsWith('chip_'),
      ),
    ).toEqual([]);

    // 检查 flags the hand-typed 7777条; 改为引用指标 replaces it with a chip in place — also with
    // unsaved text typed before it since the check (lint offsets refer to the saved text)
    await page.locator('.report-section-editor .tiptap').nth(1).focus();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('（补记）');
    await expect.poll(() => page.getByText('有未保存的修改').count()).toBe(1);
    await page.getByRole('button', { name: /检\s*查/ }).click();
    const lintDrawer = page.locator('.ant-drawer-open');
    await lintDrawer.getByText(/错误 \d+/).waitFor();
    const typed = lintDrawer.locator('tr', { hasText: '7777条' });
    await typed.getByTestId('lint-to-chip').click();
    const replace = page.getByRole('dialog', { name: '改为引用指标' });
    // the drawer slides out while the dialog zooms in; pick once both have settled
    await expect.poll(() => page.locator('.ant-drawer-open').count()).toBe(0);
    await replace.waitFor();
    await page.waitForTimeout(600);
    await choose(page, replace.getByTestId('chip-metric'), '宣传信息采用数');
    await replace.locator('.ant-statistic-content').waitFor({ timeout: 20_000 });
    await replace.getByTestId('chip-insert').click();
    await expect.poll(() => page.getByText('全年共有7777条信息被各级媒体采用。').count()).toBe(0);
    expect(await chips.count()).toBe(chipCount + 2);
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.locator('[data-testid=report-draft][data-version="3"]').waitFor({ timeout: 20_000 });
    const third = await (await page.request.get(reportPath)).json();
    const thirdText = JSON.stringify(third.document);
    expect(thirdText).toContain('（补记）');
    expect(thirdText).not.toContain('7777条');
    await page.waitForTimeout(500);
    await page.locator('.report-title').click();
    await shoot(page, 'report-editor.png');

    await page.getByRole('button', { name: /定\s*稿/ }).click();
    await page
      .locator('.ant-modal-confirm')
      .getByRole('button', { name: /定\s*稿/ })
      .click();
    await page.getByText('已定稿').first().waitFor({ timeout: 20_000 });
    expect(await page.locator('.tiptap[contenteditable=true]').count()).toBe(0);
    expect(await page.getByRole('button', { name: /保\s*存/ }).count()).toBe(0);
    await context.close();
  }, 240_000);

  it('润色: a rewrite that drops a figure is refused; a good one is accepted as a revision', async () => {
    const { context, page } = await newPage();
    await login(page, 'cunganbu');
    await page.goto('/reports');
    await page.getByRole('button', { name: /生成初稿/ }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /生\s*成/ })
      .click();
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/, { timeout: 60_000 });
    await page.locator('[data-testid=metric-chip]').first().waitFor({ timeout: 60_000 });
    // The first section with figures and its 润色 button.
    const section = page
      .locator('[data-testid=report-section]', { has: page.locator('[data-testid=metric-chip]') })
      .first();
    const sectionId = await section.getAttribute('data-section-id');
    await shoot(page, 'report-editor-village-secretary.png');
    const before = (await section.locator('.tiptap').innerText()).trim();

    model.mode = 'drop';
    await section.getByTestId('rephrase-button').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('rephrase-error').waitFor({ timeout: 30_000 });
    expect(await dialog.getByTestId('rephrase-error').innerText()).toMatch(
      /润色结果改动了数字，已拒绝采用，报告未作改动：数字“.+”被删掉了/u,
    );
    expect(await dialog.getByTestId('rephrase-accept').isDisabled()).toBe(true);
    await dialog.getByTestId('rephrase-discard').click();
    await dialog.waitFor({ state: 'detached' });

    model.mode = 'good';
    await section.getByTestId('rephrase-button').click();
    await dialog.getByTestId('rephrase-after').waitFor({ timeout: 30_000 });
    const proposed = await dialog.getByTestId('rephrase-after').innerText();
    expect(proposed).toContain('扎实推进，');
    expect(await dialog.getByTestId('rephrase-before').innerText()).not.toContain('扎实推进');
    // Same figures on both sides, in the same order.
    const figures = (which: string) =>
      dialog.locator(`[data-testid=${which}] .preview-chip`).allInnerTexts();
    expect(await figures('rephrase-after')).toEqual(await figures('rephrase-before'));
    await shoot(page, 'report-rephrase.png');
    await dialog.getByTestId('rephrase-accept').click();
    await page.getByText('已采用润色结果，原文已存入历史版本').waitFor();
    await page.locator('[data-testid=report-draft][data-version="2"]').waitFor({ timeout: 20_000 });
    const after = page.locator(`[data-section-id="${sectionId}"] .tiptap`);
    expect((await after.innerText()).trim()).toMatch(/^扎实推进，/u);
    expect((await after.innerText()).replaceAll('扎实推进，', '').trim()).toBe(before);

    await page.getByRole('button', { name: /历史版本/ }).click();
    await page.locator('.ant-drawer-open').getByText('采用润色').waitFor();
    expect(model.requests).toBe(2);
    await context.close();
  }, 180_000);

  it('walks the party secretary through the list, a fresh draft and its check, which finds nothing', async () => {
    const { context, page } = await newPage();
    await login(page, 'shuji');
    await page.goto('/reports');
    await page.getByRole('button', { name: /生成初稿/ }).waitFor();
    await shoot(page, 'report-list-party-secretary.png');
    await page.getByRole('button', { name: /生成初稿/ }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /生\s*成/ })
      .click();
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/, { timeout: 60_000 });
    await page.locator('[data-testid=metric-chip]').first().waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-testid=metric-chip]').count()).toBeGreaterThan(20);
    await shoot(page, 'report-editor-party-secretary.png');
    await page.getByRole('button', { name: /检\s*查/ }).click();
    const drawer = page.locator('.ant-drawer-open');
    await drawer.getByText(/^警告 \d+$/u).waitFor({ timeout: 60_000 });
    expect(await drawer.innerText()).toMatch(/错误 0[\s\S]*警告 0/u);
    await context.close();
  }, 180_000);

  it('uploads a past report, flags its placeholders and compares it with the draft', async () => {
    const { context, page } = await newPage();
    await login(page, 'xuanchuan');
    await page.goto('/reports');
    await page.getByRole('button', { name: /往年报告对照/ }).click();
    await page.waitForURL(/\/reports\/import$/);
    await page.locator('.ant-upload input[type=file]').setInputFiles(FIXTURE);
    await page.waitForURL(/\/reports\/import\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    const marks = page.locator('[data-testid=placeholder-mark]');
    await marks.first().waitFor();
    const flagged = (await marks.allInnerTexts()).join(' ');
    for (const token of ['**', 'XX', '×', '某某']) expect(flagged, token).toContain(token);
    expect(await page.locator('[data-testid=number-mark]').count()).toBeGreaterThan(5);
    // "*村" hides a name: marked apart as a redaction and not counted among the unfilled places.
    expect(await page.getByTestId('redaction-mark').allInnerTexts()).toEqual(['*']);
    expect(await page.getByTestId('import-redactions').innerText()).toMatch(/脱敏处理\s*1\s*处/u);
    const unfilled = await marks.count();
    expect(await page.getByTestId('import-placeholders').innerText()).toMatch(
      /未填写的占位符\s*6\s*处/u,
    );
    expect(unfilled).toBeGreaterThanOrEqual(4);
    // The 数字 tab says what it lists: filled figures and blank ones, as many rows as that.
    const filled = Number(
      /已填写的数字\s*(\d+)/u.exec(await page.getByTestId('import-filled-numbers').innerText())![1],
    );
    const numbersTab = page.getByRole('tab', { name: /^数字（已填写 \d+，未填写 \d+）$/u });
    const [tabFilled, tabBlank] = /已填写 (\d+)，未填写 (\d+)/u
      .exec(await numbersTab.innerText())!
      .slice(1)
      .map(Number);
    expect(tabFilled).toBe(filled);
    await numbersTab.click();
    const numberRows = page.getByTestId('import-numbers').locator('tbody tr.ant-table-row');
    await numberRows.first().waitFor();
    expect(await numberRows.count()).toBe(tabFilled! + tabBlank!);
    await page.getByRole('tab', { name: /原文标注/ }).click();
    expect(await page.locator('.ant-tree-treenode').filter({ hasText: '对外宣传' }).count()).toBe(
      1,
    );
    await shoot(page, 'report-import.png');

    await page.getByRole('tab', { name: /与本年度草稿对照/ }).click();
    const table = page.getByTestId('compare-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor({ timeout: 20_000 });
    const integrity = table.locator('tbody tr.ant-table-row', { hasText: '廉洁自律方面' });
    expect(await integrity.locator('td').nth(1).innerText()).toMatch(/廉/u);
    expect(await table.locator('.compare-number-pair').count()).toBeGreaterThan(3);
    // last year's （一）…（三） sit in the row of their 一、, not on rows of their own
    const propaganda = table.locator('tbody tr.ant-table-row', { hasText: '宣传思想工作' });
    expect(await propaganda.getByTestId('compare-subsection').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringContaining('对外宣传')]),
    );
    expect(
      await table
        .locator('tbody tr.ant-table-row')
        .filter({
          has: page.locator('td:first-child .compare-heading.level-1', { hasText: '对外宣传' }),
        })
        .count(),
    ).toBe(0);
    await shoot(page, 'report-import-compare.png');

    // the import is listed on the import page; it opens from there and its uploader deletes it
    const importUrl = page.url();
    await page.goto('/reports/import');
    const listed = page
      .getByTestId('import-list')
      .locator('tbody tr.ant-table-row', { hasText: 'placeholders-sample.txt' });
    await listed.first().waitFor({ timeout: 20_000 });
    expect(await listed.first().innerText()).toMatch(/2024 年度[\s\S]*处/u);
    await listed.first().getByTestId('import-open').click();
    await page.waitForURL(importUrl);
    await page.goto('/reports/import');
    await listed.first().waitFor({ timeout: 20_000 });
    const before = await listed.count();
    await listed.first().getByTestId('import-delete').click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /删\s*除/ })
      .click();
    await expect.poll(() => listed.count(), { timeout: 20_000 }).toBe(before - 1);
    await context.close();
  }, 120_000);

  it('lets an admin reorder a template’s sections and save a new version', async () => {
    const { context, page } = await newPage();
    await login(page, 'admin');
    await page.goto('/reports/templates');
    await page.getByTestId('template-list').getByRole('link', { name: '分管副职' }).click();
    await page.waitForURL(/\/reports\/templates\/deputy$/);
    const rows = page.getByTestId('template-sections').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    const headingOf = (i: number) => rows.nth(i).locator('input').first().inputValue();
    const lawRow = await (async () => {
      for (let i = 0; i < (await rows.count()); i++)
        if ((await headingOf(i)).includes('法')) return i;
      throw new Error('no 法 section');
    })();
    const lawHeading = await headingOf(lawRow);
    await page.getByRole('button', { name: '上移 law' }).click();
    expect(await headingOf(lawRow - 1)).toBe(lawHeading);
    await page.getByRole('button', { name: '暂不使用 study' }).click();
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page
      .getByTestId('template-version')
      .getByText('已修改 1 次')
      .waitFor({ timeout: 20_000 });
    const saved = await (
      await page.request.get(`/api/v1/towns/${await townOf(page)}/report-templates/deputy`)
    ).json();
    const ids = saved.definition.sections.map((x: { id: string }) => x.id);
    expect(ids.indexOf('law')).toBe(ids.indexOf('integrity') - 1);
    expect(saved.definition.sections.find((x: { id: string }) => x.id === 'study').omitted).toBe(
      true,
    );
    await shoot(page, 'report-template.png');
    await context.close();
  }, 120_000);
});
