/**
 * Shared set-up of the browser journeys: one real server and one chromium per test file, pages
 * in the demo town's locale, signing in, and screenshots for docs/screenshots.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { ADMIN_PASSWORD, launchBrowser, startServer, type RunningServer } from './server.ts';

export const SHOTS = path.resolve(import.meta.dirname, '../../docs/screenshots');
export const DESKTOP = { width: 1440, height: 900 };
export const PHONE = { width: 390, height: 844 };

export interface Journey {
  newPage(viewport?: {
    width: number;
    height: number;
  }): Promise<{ context: BrowserContext; page: Page }>;
  /** Signs in and waits for the app; with `stayOnLogin` (a wrong password) it only submits. */
  login(
    page: Page,
    username: string,
    options?: { password?: string; stayOnLogin?: boolean },
  ): Promise<void>;
  shoot(page: Page, name: string): Promise<void>;
}

/** Call at the top of a test file: starts the server and browser before its tests, stops them after. */
export function setUpJourney(): Journey {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    async newPage(viewport = DESKTOP) {
      const phone =
        viewport.width < 600 ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {};
      const context = await browser.newContext({
        viewport,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        baseURL: server.baseUrl,
        ...phone,
      });
      return { context, page: await context.newPage() };
    },
    async login(page, username, options = {}) {
      await page.goto('/login');
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码').fill(options.password ?? ADMIN_PASSWORD);
      await page.getByRole('button', { name: /登\s*录/ }).click();
      if (!options.stayOnLogin) await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    },
    async shoot(page, name) {
      // Park the mouse in a corner and let toasts fade, so hovers and messages stay out of the picture.
      await page.mouse.move(2, 2);
      await page
        .locator('.ant-message-notice')
        .first()
        .waitFor({ state: 'detached', timeout: 10_000 })
        .catch(() => {});
      await page.waitForTimeout(400);
      await page.screenshot({ path: path.join(SHOTS, name) });
    },
  };
}
