/// <reference lib="dom" />
/**
 * 三会一课 in a real browser, as a branch secretary (the 石桥村 cadre): registers a 支部委员会
 * meeting of their own branch, marks one committee member absent with a reason, and sees the
 * quarter's attendance rate move by exactly that meeting's roll.
 */
import { describe, expect, it } from 'vitest';
import { choose } from './support/select.ts';
import { setUpJourney } from './support/journey.ts';

const { newPage, login, shoot } = setUpJourney();

/** "85.7%（120/140人次）" → [120, 140]. */
const counts = (text: string | null) => {
  const m = /（(\d+)\/(\d+)人次）/.exec(text ?? '');
  return m ? [Number(m[1]), Number(m[2])] : [0, 0];
};

describe('三会一课 with attendance', () => {
  it('records a committee meeting with an absence reason and sees the attendance rate', async () => {
    const { page } = await newPage();
    await login(page, 'cunganbu');
    await page.goto('/party/meetings');
    const row = page.locator('.ant-table-row').filter({ hasText: '石桥村党支部' }).first();
    await row.waitFor();
    // Only their own branch is in sight.
    expect(await page.locator('.ant-card').first().locator('.ant-table-row').count()).toBe(1);
    const before = counts(await row.locator('td').last().textContent());

    await page.getByRole('button', { name: '登记会议' }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '登记会议' });
    await modal.getByLabel('会议类型').click();
    await page
      .locator('.ant-select-dropdown .ant-select-item-option')
      .filter({ hasText: '支部委员会' })
      .click();
    await modal.getByLabel('会议主题').fill('研究冬季困难党员走访安排');
    // The committee's seven members are preset 出席; the first is away.
    const roll = modal.locator('.ant-table-row');
    await expect.poll(() => roll.filter({ hasText: '（支委）' }).count()).toBe(7);
    const first = roll.first();
    await first.getByText('缺席', { exact: true }).click();
    await modal.getByRole('button', { name: /保\s*存/ }).click();
    await modal.getByText(/请填写.+的缺席原因/).waitFor();
    await first.getByPlaceholder('如：外出务工、生病住院').fill('外出务工');
    await expect.poll(async () => modal.getByText('应到7人，实到6人').count()).toBe(1);
    await shoot(page, 'party-meeting-roll.png');
    await modal.getByRole('button', { name: /保\s*存/ }).click();
    await modal.waitFor({ state: 'detached' });

    await expect
      .poll(async () => counts(await row.locator('td').last().textContent()))
      .toEqual([before[0]! + 6, before[1]! + 7]);
    const [present, expected] = counts(await row.locator('td').last().textContent());
    expect(await row.locator('td').last().textContent()).toContain(
      `${Math.round((present! * 1000) / expected!) / 10}%`,
    );
    await page.getByText('研究冬季困难党员走访安排').waitFor();
    expect(
      await page
        .locator('.ant-table-row')
        .filter({ hasText: '研究冬季困难党员走访安排' })
        .textContent(),
    ).toContain('6/7人（85.7%）');
    await shoot(page, 'party-meetings-overview.png');
  });
});

// The organisation work's settings, in the same server (CI time).
describe('三会一课 and 星级评定 settings', () => {
  it('lets the 组织委员 change a meeting frequency and a star threshold in the browser', async () => {
    const { page } = await newPage();
    await login(page, 'zuzhi');
    await page.goto('/party/meetings');
    await page.getByRole('button', { name: '频次要求' }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '会议召开频次要求' });
    await choose(page, modal.getByLabel('党小组会周期'), '每季度');
    await modal.getByLabel('党小组会次数').fill('2');
    await shoot(page, 'party-requirements.png');
    await modal.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('频次要求已保存').waitFor();
    await modal.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: '频次要求' }).click();
    const again = page.locator('.ant-modal').filter({ hasText: '会议召开频次要求' });
    await expect.poll(() => again.getByLabel('党小组会次数').inputValue()).toBe('2');
    await page.keyboard.press('Escape');

    await page.goto('/party/rating');
    await page.getByRole('button', { name: '评定指标设置' }).click();
    const scheme = page.locator('.ant-modal').filter({ hasText: '评定指标和星级分数线' });
    const five = scheme.locator('.ant-form-item').filter({ hasText: '5星' }).locator('input');
    await five.fill('50');
    await scheme.getByRole('button', { name: /保\s*存/ }).click();
    // The server names the rule broken, in Chinese, and keeps the form open.
    await page
      .getByText(/5星的分数线应高于4星/)
      .first()
      .waitFor();
    await five.fill('92');
    await scheme.getByRole('button', { name: /保\s*存/ }).click();
    await scheme.waitFor({ state: 'detached' });
    await page.getByText(/5星 92分以上/).waitFor();
    await shoot(page, 'party-rating-scheme.png');

    // 星级评定: score a branch with a meeting as evidence; the stars and 晋位 show in its row.
    const row = page.locator('.ant-table-row').filter({ hasText: '石桥村党支部' });
    await row.getByRole('button', { name: '评定' }).click();
    const rate = page.locator('.ant-modal').filter({ hasText: '年度星级评定：石桥村党支部' });
    for (const name of ['班子建设', '党员队伍', '组织生活', '作用发挥', '群众满意'])
      await rate.getByLabel(`${name}得分`).fill('95');
    await rate.locator('.ant-select').first().click();
    await page.locator('.ant-select-dropdown .ant-select-item-option').first().click();
    await rate.getByText('综合得分').click();
    await shoot(page, 'party-rating-score.png');
    await rate.getByRole('button', { name: '保存评定' }).click();
    await page.getByText('已评定为5星（95分）').waitFor();
    await expect.poll(() => row.textContent()).toContain('95分');
    expect(await row.textContent()).toContain('晋位');
    // Changing the scheme now would not re-rate it: the dialog says so.
    await page.getByRole('button', { name: '评定指标设置' }).click();
    const note = scheme.getByTestId('scheme-rerate-note');
    await note.waitFor();
    expect(await note.textContent()).toContain('已评定的得分和星级不会自动重新计算');
    await page.keyboard.press('Escape');
  });
});

describe('三会一课 for a reader', () => {
  it('shows a county supervisor the meetings and their details without 登记会议 or 保存', async () => {
    const { page } = await newPage();
    await login(page, 'ducha');
    await page.goto('/party/meetings');
    const title = page.locator('.ant-table-row a').first();
    await title.waitFor();
    expect(await page.getByRole('button', { name: /登记会议/ }).count()).toBe(0);
    await title.click();
    const details = page.locator('.ant-modal').filter({ hasText: '会议详情' });
    await details.getByText(/出勤登记：应到\d+人/).waitFor();
    expect(await details.getByRole('button', { name: /保\s*存/ }).count()).toBe(0);
  });
});
