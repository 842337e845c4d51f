/// <reference lib="dom" />
/**
 * What the public sees of a resident's appeal, in a real browser: the resident is told on the
 * phone page what will be public, submits words full of personal data and finds none of them on
 * the tracking page; the dispatcher publishes a description drafted from the order (the preview
 * marks what the scrubber takes out), and the resident then reads it with the number, the house
 * number and the name taken out. Markup typed by the resident shows as text on both sides and
 * never runs.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHONE, setUpJourney } from './support/journey.ts';

const { newPage, login, shoot } = setUpJourney();
const WORDS =
  '我叫王小明，住石桥村5组12号，电话138-1234-5678，村口路灯坏了一个多月，晚上看不见路。';

/** Markup typed into a field must show as text and never run (docs/security.md). */
const MARKUP = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
const pwned = (p: Page) =>
  p.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null);

describe('the public projection of a resident’s appeal', () => {
  it('tells what is public, shows none of the resident’s words until a handler publishes them scrubbed', async () => {
    const resident = await newPage(PHONE);
    const page = resident.page;
    await page.goto('/public/appeal/qingshi');
    const note = page.getByTestId('public-privacy');
    await note.waitFor();
    expect(await note.textContent()).toContain('隐去其中的电话号码、身份证号、门牌号和姓名');
    await page.getByTestId('public-category').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '城乡建设' }).click();
    await page.getByTestId('public-village').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '石桥村' }).first().click();
    await page.getByLabel('具体情况').fill(WORDS + MARKUP);
    await page.getByLabel(/怎么称呼/).fill('王小明');
    await page.getByLabel(/联系电话/).fill('13812345678');
    await note.scrollIntoViewIfNeeded();
    await shoot(page, 'public-privacy-note.png');
    await page.getByRole('button', { name: '提交' }).click();
    const codeEl = page.getByTestId('public-code');
    await codeEl.waitFor();
    const trackingCode = (await codeEl.textContent())!.trim();
    const orderCode = trackingCode.split('-').slice(0, 2).join('-');
    await page.getByRole('button', { name: '查询进度' }).click();
    const status = page.getByTestId('public-status');
    await status.waitFor();
    const before = (await status.textContent())!;
    for (const secret of ['王小明', '5组12号', '1234', '路灯坏了'])
      expect(before).not.toContain(secret);
    expect(before).toContain('不显示您填写的原文');

    // The dispatcher finds the order and publishes a description drafted from its words.
    const desk = await newPage();
    await login(desk.page, 'paidan');
    await desk.page.goto('/appeals/orders?tab=all');
    await desk.page.getByPlaceholder('编号、标题、内容').fill(orderCode);
    await desk.page.getByPlaceholder('编号、标题、内容').press('Enter');
    await desk.page.getByRole('link', { name: orderCode, exact: true }).click();
    const card = desk.page.getByTestId('order-publication');
    await card.waitFor();
    expect(await desk.page.getByText(MARKUP, { exact: false }).count()).toBeGreaterThan(0);
    expect(await pwned(desk.page)).toBeNull();
    expect(await card.textContent()).toContain('尚未公开文字');
    await card.getByTestId('publication-edit').click();
    const modal = desk.page.locator('.ant-modal').filter({ hasText: '公开给群众的文字' });
    await modal.getByRole('button', { name: '用诉求内容作草稿' }).click();
    const preview = modal.getByTestId('publication-preview');
    await expect.poll(() => preview.textContent()).toContain('（号码已隐去）');
    const previewText = (await preview.textContent())!;
    for (const secret of ['王小明', '5组12号', '138']) expect(previewText).not.toContain(secret);
    await modal
      .getByTestId('publication-reply')
      .fill('已联系王小明，路灯已于昨日更换，有问题请拨 138 1234 5678。');
    await expect.poll(() => preview.textContent()).toContain('已联系（姓名已隐去）');
    await shoot(desk.page, 'appeal-publication-edit.png');
    await modal.getByRole('button', { name: '公开', exact: true }).click();
    await modal.waitFor({ state: 'hidden' });
    await card.getByTestId('publication-public-description').waitFor();
    expect(await card.textContent()).toContain('公开（群众查询页、对外接口可见）');
    await card.scrollIntoViewIfNeeded();
    await shoot(desk.page, 'appeal-publication.png');
    await desk.context.close();

    // The resident proves the order is theirs and reads the published text, personal data taken out.
    await page.reload();
    await page.getByTestId('public-proof-input').fill('5678');
    await page.getByRole('button', { name: '查看答复' }).click();
    await page.getByTestId('public-description').waitFor();
    const shown = (await status.textContent())!;
    expect(shown).toContain('村口路灯坏了一个多月');
    expect(shown).toContain('路灯已于昨日更换');
    for (const secret of ['王小明', '5组12号', '1234', '5678']) expect(shown).not.toContain(secret);
    expect(shown).toContain('<img src=x');
    expect(await pwned(page)).toBeNull();
    await page.getByTestId('public-description').scrollIntoViewIfNeeded();
    await shoot(page, 'public-status-published.png');
    await resident.context.close();
  });
});
