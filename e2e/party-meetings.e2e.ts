/// <reference lib="dom" />
/**
 * 三会一课 in a real browser, as a branch secretary (the 石桥村 cadre): registers a 支部委员会
 * meeting of their own branch, marks one committee member absent with a reason, and sees the
 * quarter's attendance rate move by exactly that meeting's roll.
 */
import { describe, expect, it } from 'vitest';
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
