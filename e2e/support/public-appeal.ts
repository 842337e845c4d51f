/**
 * The resident's side of the public appeal page, shared by the journeys that start from it:
 * a street-light complaint for 石桥村 with a photo, submitted on the page a resident opens.
 */
import type { Page } from 'playwright-core';

/** A 1×1 PNG: the smallest picture the resident can send. */
export const PNG_1PX =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

/** Fills and submits the public form with `phone`; answers the tracking code the page shows. */
export async function submitPublicAppeal(page: Page, phone: string): Promise<string> {
  await page.goto('/public/appeal/qingshi');
  await page.getByTestId('public-category').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '城乡建设' }).click();
  await page.getByTestId('public-village').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '石桥村' }).first().click();
  await page.getByLabel('具体情况').fill('村口路灯坏了一个多月，晚上走路看不见，希望尽快修好。');
  await page.getByLabel(/联系电话/).fill(phone);
  await page.locator('input[type=file]').setInputFiles({
    name: '路灯.png',
    mimeType: 'image/png',
    buffer: Buffer.from(PNG_1PX, 'base64'),
  });
  await page.getByRole('button', { name: '提交' }).click();
  const codeEl = page.getByTestId('public-code');
  await codeEl.waitFor();
  return (await codeEl.textContent())!.trim();
}
