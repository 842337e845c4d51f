/// <reference lib="dom" />
/**
 * The resident's loop on a phone (issue 11): a resident files an appeal with a photo; the office
 * replies and publishes the reply (through the API: the staff forms have their own journeys in
 * appeals.e2e.ts and public-privacy.e2e.ts); the resident proves the order is theirs with the
 * phone's last four digits, reads the reply and rates it 不满意 — the rating is the 回访, so the
 * order goes back to 办理中 — and the desk sees the rating by its label and the comment as given.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHONE, setUpJourney } from './support/journey.ts';
import { submitPublicAppeal } from './support/public-appeal.ts';

const { newPage, login, shoot } = setUpJourney();
const COMMENT = '路灯换了两天又不亮了';

/** Staff steps over the signed-in page's session (same-origin API calls). */
async function staffApi(page: Page) {
  const me = (await (await page.request.get('/api/v1/auth/me')).json()) as { homeTownId: string };
  const base = `/api/v1/towns/${me.homeTownId}`;
  return {
    base,
    async get(path: string) {
      const res = await page.request.get(`${base}${path}`);
      expect(res.status(), await res.text()).toBe(200);
      return res.json();
    },
    async send(method: 'post' | 'put', path: string, data: unknown) {
      const res = await page.request[method](`${base}${path}`, { data });
      expect(res.status(), await res.text()).toBe(200);
      return res.json();
    },
  };
}

describe('the resident’s loop on a phone', () => {
  it('submit with a photo → published reply → proof, 不满意 → reopened, the desk sees the comment', async () => {
    const resident = await newPage(PHONE);
    const page = resident.page;
    const trackingCode = await submitPublicAppeal(page, '13900003333');
    const orderCode = trackingCode.split('-').slice(0, 2).join('-');

    // The desk dispatches, the office claims, replies and publishes the reply for the resident.
    const desk = await newPage();
    await login(desk.page, 'paidan');
    const paidan = await staffApi(desk.page);
    const found = await paidan.get(`/appeals?q=${encodeURIComponent(orderCode)}`);
    const id = found.items[0].id as string;
    const units = (await paidan.get('/units')).items as { id: string; code: string }[];
    const office = units.find((u) => u.code === 'office_propaganda')!.id;
    let o = await paidan.send('post', `/appeals/${id}/transitions`, {
      action: 'dispatch',
      version: found.items[0].version,
      payload: { unitId: office },
    });
    const handler = await newPage();
    await login(handler.page, 'zhuangan');
    const zhuangan = await staffApi(handler.page);
    o = await zhuangan.send('post', `/appeals/${id}/transitions`, {
      action: 'claim',
      version: o.version,
    });
    await zhuangan.send('post', `/appeals/${id}/transitions`, {
      action: 'reply',
      version: o.version,
      payload: { replyText: '已更换村口路灯', contacted: true },
    });
    await zhuangan.send('put', `/appeals/${id}/publication`, {
      description: null,
      reply: '村口路灯已于今日更换，如仍有问题请拨 139 0000 3333 联系我们。',
      version: 0,
    });
    await handler.context.close();

    // The resident looks it up: progress only, until the phone's last four digits are given.
    await page.getByRole('button', { name: '查询进度' }).click();
    const status = page.getByTestId('public-status');
    await status.waitFor();
    expect(await page.getByTestId('public-status-head').textContent()).toContain('已答复待回访');
    expect(await page.getByTestId('public-reply').count()).toBe(0);
    await expect.poll(() => page.getByTestId('public-photos-shown').locator('img').count()).toBe(1);
    await page.getByTestId('public-proof-input').fill('0000');
    await page.getByRole('button', { name: '查看答复' }).click();
    await page.locator('.ant-message-notice, .ant-notification-notice').first().waitFor();
    expect(await page.getByTestId('public-reply').count()).toBe(0);
    await page.getByTestId('public-proof-input').fill('3333');
    await page.getByRole('button', { name: '查看答复' }).click();
    const reply = page.getByTestId('public-reply');
    await reply.waitFor();
    expect(await reply.textContent()).toContain('村口路灯已于今日更换');
    expect(await reply.textContent()).not.toContain('3333'); // scrubbed
    await page.getByTestId('public-rate').getByText('不满意', { exact: true }).click();
    await page.getByTestId('public-rate').getByText('没有解决', { exact: true }).click();
    await page.getByTestId('public-rate-comment').fill(COMMENT);
    await page.getByTestId('public-rate').scrollIntoViewIfNeeded();
    await shoot(page, 'public-loop-rate.png');
    await page.getByRole('button', { name: '提交评价' }).click();
    await page.getByTestId('public-rated').waitFor();
    const head = (await page.getByTestId('public-status-head').textContent())!;
    expect(head).toContain('办理中'); // reopened: no longer 已答复待回访
    expect(head).not.toContain('已答复待回访');
    expect(await status.textContent()).toContain(COMMENT);
    await page.getByTestId('public-rated').scrollIntoViewIfNeeded();
    await shoot(page, 'public-loop-rated.png');
    await resident.context.close();

    // The desk sees the order reopened, the rating by its label and the comment as given.
    await desk.page.goto(`/appeals/orders/${id}`);
    await desk.page.getByText('群众意见').waitFor();
    const detail = (await desk.page.locator('main, .ant-layout-content').first().textContent())!;
    expect(detail).toContain(COMMENT);
    expect(detail).toContain('办理中');
    expect(detail).not.toMatch(/\d 星/);
    const rating = desk.page
      .locator('.ant-descriptions-item-label', { hasText: '群众评价' })
      .locator('xpath=following-sibling::*[1]');
    expect((await rating.textContent())?.trim()).toBe('不满意');
    await shoot(desk.page, 'appeal-resident-rating.png');
    await desk.context.close();
  });
});
