/// <reference lib="dom" />
/**
 * 民主测评 in a real browser: the 组织委员 drafts a round (three people, the default electorate
 * groups), opens it and gets the QR sheet; a voter opens one slip's link on a phone, is told before
 * submitting that two 优秀 of three people is over the cap, corrects it and votes; the same link
 * then says it has been used; the 组织委员 sees the turnout, closes the round and reads the tally.
 */
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chineseDate, todayKey } from '../src/core/calendar/display.ts';
import { PHONE, setUpJourney } from './support/journey.ts';
import { choose } from './support/select.ts';

const { newPage, login, shoot } = setUpJourney();

describe('民主测评 with one-time QR ballots', () => {
  it('drafts, opens, votes once on a phone within the 优秀 cap, closes and tallies', async () => {
    const { page } = await newPage();
    await login(page, 'zuzhi');
    await page.goto('/appraisal');
    await page.getByRole('button', { name: '新建测评' }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '新建测评' });
    // The 组织委员 himself (赖汉青) and two more: his report page shows his result at the end.
    await modal.getByLabel('测评对象').click();
    await page.keyboard.type('赖汉青');
    const options = page.locator('.ant-select-dropdown .ant-select-item-option');
    await options.filter({ hasText: '赖汉青' }).first().click();
    const names = ['赖汉青'];
    for (let i = 1; names.length < 3; i++) {
      const name = (await options.nth(i).textContent())!.trim();
      if (names.includes(name)) continue;
      names.push(name);
      await options.nth(i).click();
    }
    await page.keyboard.press('Escape');
    await modal.getByRole('button', { name: /保\s*存/ }).click();
    await page.waitForURL(/\/appraisal\/[0-9a-f-]{36}$/);
    await page.getByRole('button', { name: '开始测评' }).click();
    await page
      .locator('.ant-modal-confirm')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    const slip = page.locator('.qr-slip').first();
    await slip.waitFor();
    expect(await page.locator('.qr-slip').count()).toBe(15 + 20 + 12 + 10);
    await shoot(page, 'appraisal-qr-sheet.png');
    const link = (await slip.getByRole('link', { name: '投票链接' }).getAttribute('href'))!;
    expect(link).toMatch(/\/vote#[A-Za-z0-9_-]{32}$/);

    const phone = (await newPage(PHONE)).page;
    await phone.goto(link);
    await phone.locator('.vote-person').first().waitFor();
    // The token left the address bar as soon as the page read it.
    expect(phone.url()).not.toContain('#');
    const person = (name: string) => phone.locator(`.vote-person[data-person="${name}"]`);
    await person(names[0]!).getByText('优秀', { exact: true }).click();
    await person(names[1]!).getByText('优秀', { exact: true }).click();
    const warning = phone.locator('.vote-footer .ant-alert-error');
    await warning.waitFor();
    expect(await warning.textContent()).toContain('“优秀”最多只能评1人');
    await shoot(phone, 'appraisal-vote-over-cap.png');
    await person(names[1]!).getByText('称职', { exact: true }).click();
    await person(names[2]!).getByText('基本称职', { exact: true }).click();
    await expect.poll(() => warning.count()).toBe(0);
    await phone.getByRole('button', { name: /提\s*交/ }).click();
    await phone
      .locator('.ant-modal-confirm')
      .getByRole('button', { name: /提\s*交/ })
      .click();
    await phone.getByText('投票成功，感谢您的参与').waitFor();
    await shoot(phone, 'appraisal-vote-done.png');
    const again = (await newPage(PHONE)).page;
    await again.goto(link);
    await again.getByText('已经投过票了', { exact: true }).waitFor();

    await page.getByRole('button', { name: '已打印，关闭' }).click();
    await page.reload();
    await expect.poll(() => page.getByText('参评情况：1/57张').count()).toBe(1);
    await page.getByRole('button', { name: '结束测评并计票' }).click();
    await page
      .locator('.ant-modal-confirm')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    const result = page.locator('.ant-card').filter({ hasText: '测评结果' });
    await result.waitFor();
    const first = result.locator('tbody tr').filter({ hasText: names[0]! });
    expect(await first.textContent()).toContain('1票（100%）');
    expect(await result.textContent()).toContain('超过名额的有效票0张');
    await shoot(page, 'appraisal-results.png');

    // His own duty report shows the result (read-only, above the text).
    await page.goto('/reports');
    await page.getByRole('button', { name: /生成初稿/ }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /生\s*成/ })
      .click();
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/, { timeout: 60_000 });
    const card = page.getByTestId('appraisal-result');
    await card.waitFor();
    expect(await card.textContent()).toContain('优秀1票（100%）');
    await shoot(page, 'appraisal-report-card.png');
  });
});

// 发展党员 shares this file's server (CI time): the demo town's pipeline, imported from its ledger.
describe('发展党员 from 积极分子 to 发展对象', () => {
  it('refuses a date inside the one-year period in Chinese, then moves the activist on', async () => {
    const { page } = await newPage();
    await login(page, 'zuzhi');
    // The header's 党建提醒 lists the steps falling due; an entry opens the person.
    await page.getByTestId('party-bell').click();
    const reminder = page.getByTestId('party-reminders').locator('.party-reminder a').first();
    await reminder.waitFor();
    await shoot(page, 'party-reminders.png');
    await reminder.click();
    await page.waitForURL(/\/party\/development\/[0-9a-f-]{36}$/);
    await page.getByText('本阶段程序').waitFor();
    await page.goto('/party/development');
    await choose(page, page.locator('.ant-select', { hasText: '全部阶段' }), '入党积极分子');
    await page.locator('tbody tr').filter({ hasText: '入党积极分子' }).first().waitFor();
    await shoot(page, 'development-list.png');
    const due = page.locator('tbody tr').filter({ hasText: '已满期' }).first();
    await due.getByRole('link').click();
    await page.waitForURL(/\/party\/development\/[0-9a-f-]{36}$/);
    await page.getByText('本阶段程序').waitFor();
    const sponsor = page.getByRole('button', { name: '指定培养联系人' });
    if (await page.locator('.ant-list-item').filter({ hasText: '未完成' }).count()) {
      await sponsor.click();
      const dialog = page.locator('.ant-modal').filter({ hasText: '指定培养联系人' });
      const names = dialog.locator('[data-field="sponsorNames"] input');
      await names.fill('李红');
      await names.press('Enter');
      await page.keyboard.press('Escape');
      await fillDate(dialog, 'sponsoredOn', todayKey());
      await dialog.getByRole('button', { name: /确\s*定/ }).click();
      await page.getByText('已记录：指定培养联系人').waitFor();
    }
    // The date the year as 积极分子 is complete, as the page shows it; a day earlier is refused.
    const earliest = (await page
      .locator('.ant-descriptions-item')
      .filter({ hasText: '培养考察满一年' })
      .textContent())!.match(/\d{4}-\d{2}-\d{2}/)![0];
    await page.getByRole('button', { name: '确定为发展对象' }).click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '确定为发展对象' });
    await fillDate(dialog, 'candidateOn', shiftDay(earliest, -1));
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    const refusal = dialog.getByTestId('step-refusal');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain(
      `入党积极分子经过一年以上培养教育和考察方可列为发展对象”的规定，最早可于${chineseDate(earliest)}确定为发展对象`,
    );
    await shoot(page, 'development-refusal.png');
    await fillDate(dialog, 'candidateOn', todayKey());
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await page.getByText('已记录：确定为发展对象').waitFor();
    await page.locator('.ant-card-extra').getByText('发展对象', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: '政治审查' }).count()).toBe(1);
    await shoot(page, 'development-candidate.png');
  }, 60_000);

  it('extends the 预备期 of a 预备党员 whose year is over, by no less than half a year', async () => {
    const { page } = await newPage();
    await login(page, 'zuzhi');
    await page.goto('/party/development');
    await choose(page, page.locator('.ant-select', { hasText: '全部阶段' }), '预备党员');
    const due = page
      .locator('tbody tr')
      .filter({ hasText: '预备党员' })
      .filter({ hasText: '已逾期' });
    await due.first().getByRole('link').click();
    await page.waitForURL(/\/party\/development\/[0-9a-f-]{36}$/);
    await page.getByRole('button', { name: '延长预备期' }).click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '延长预备期' });
    await fillDate(dialog, 'extendedOn', todayKey());
    // Three months is under the half year the rules require: refused, naming the earliest end.
    await fillDate(dialog, 'probationEndsOn', shiftDay(todayKey(), 90));
    await dialog.locator('[data-field="extensionReason"] textarea').fill('需要继续考察和教育');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    const refusal = dialog.getByTestId('step-refusal');
    await refusal.waitFor();
    const [, y, m, d] = (await refusal.textContent())!.match(
      /延长后预备期满日期不能早于(\d{4})年(\d{1,2})月(\d{1,2})日/,
    )!;
    const earliest = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
    await fillDate(dialog, 'probationEndsOn', earliest);
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await page.getByText('已记录：延长预备期').waitFor();
    const extended = page.locator('.ant-descriptions-item').filter({ hasText: '预备期延长至' });
    expect(await extended.textContent()).toContain(earliest);
    const term = page
      .locator('.ant-descriptions-item')
      .filter({ hasText: '预备期满，及时讨论转正' });
    expect(await term.textContent()).toContain(earliest);
    expect(await page.getByRole('button', { name: '延长预备期' }).isDisabled()).toBe(true);
    await shoot(page, 'development-extension.png');
  }, 60_000);
});

async function fillDate(scope: Locator, field: string, date: string) {
  const input = scope.locator(`[data-field="${field}"] input`);
  await input.click();
  await input.fill(date);
  await input.press('Enter');
  await expect.poll(() => input.inputValue()).toBe(date);
}

const shiftDay = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
