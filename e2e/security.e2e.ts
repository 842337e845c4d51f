/**
 * The whole UI under the app's Content-Security-Policy (issue 10 item 6): every page of the menu,
 * a record of each kind, the public appeal page and the API docs load with no CSP violation
 * (e2e/support/journey.ts fails any journey on one), and the listener does catch an injected
 * inline script — so "no violation" means something.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setUpJourney } from './support/journey.ts';

const { newPage, login, takeCspViolations } = setUpJourney();

const PAGES = [
  '/',
  '/org/units',
  '/org/people',
  '/org/positions',
  '/org/liaisons',
  '/org/users',
  '/org/town',
  '/appeals/intake',
  '/appeals/orders',
  '/appeals/reminders',
  '/appeals/overdue',
  '/appeals/dashboard',
  '/appeals/problems',
  '/appeals/commitments',
  '/appeals/bulletin',
  '/ledgers',
  '/ledgers/new-type',
  '/metrics',
  '/reports',
  '/reports/import',
  '/reports/templates',
];

async function settle(page: Page, path: string) {
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  await page
    .locator('.ant-spin-spinning')
    .first()
    .waitFor({ state: 'detached', timeout: 20_000 })
    .catch(() => {});
}

describe('content security policy', () => {
  it('serves the app with a CSP whose scripts are only its own, and every page runs under it', async () => {
    const { context, page } = await newPage();
    const document = await page.goto('/login');
    const csp = (await document!.allHeaders())['content-security-policy'] ?? '';
    expect(/script-src ([^;]*)/.exec(csp)?.[1]).toBe("'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    await login(page, 'admin');
    for (const path of PAGES) await settle(page, path);

    // One record of each kind, opened from its list as a user would.
    await settle(page, '/appeals/orders');
    await page.locator('.ant-table-row a').first().click();
    await page.waitForLoadState('networkidle');
    await settle(page, '/ledgers');
    await page.locator('.ant-table-row a, .ant-card a').first().click();
    await page.waitForLoadState('networkidle');
    await settle(page, '/reports/templates');
    await page.getByTestId('template-list').getByRole('link').first().click();
    await page.waitForLoadState('networkidle');
    await settle(page, '/api/docs');
    await page.locator('.swagger-ui .info').waitFor({ timeout: 30_000 });
    await settle(page, '/public/appeal/qingshi');
    await context.close();

    // The report editor (rich text, metric chips) as the person who writes a report.
    const writer = await newPage();
    await login(writer.page, 'xuanchuan');
    await settle(writer.page, '/reports');
    await writer.page.getByRole('button', { name: /生成初稿/ }).click();
    await writer.page
      .getByRole('dialog')
      .getByRole('button', { name: /生\s*成/ })
      .click();
    await writer.page.waitForURL(/\/reports\/[0-9a-f-]{36}$/, { timeout: 60_000 });
    await writer.page.locator('[data-testid=metric-chip]').first().waitFor({ timeout: 60_000 });
    await writer.page.locator('[data-testid=metric-chip] .ant-tag').first().click();
    await writer.page.locator('.ant-drawer-open tbody tr.ant-table-row').first().waitFor();
    expect(takeCspViolations()).toEqual([]);
    await writer.context.close();
  });

  it('catches what the policy blocks: an injected inline script does not run and is reported', async () => {
    const { context, page } = await newPage();
    await page.goto('/login');
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true';
      document.body.append(script);
    });
    // Reported twice (the DOM event and chromium's console): wait for both, then claim them.
    const seen: string[] = [];
    const both = () => {
      seen.push(...takeCspViolations());
      return (
        seen.some((v) => /Content Security Policy/.test(v)) &&
        seen.some((v) => v.includes('script-src-elem blocked inline'))
      );
    };
    await expect.poll(both, { timeout: 10_000 }).toBe(true);
    expect(
      await page.evaluate(() => (window as { __injected?: boolean }).__injected),
    ).toBeUndefined();
    await context.close();
  });
});
