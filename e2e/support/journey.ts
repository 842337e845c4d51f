/**
 * Shared set-up of the browser journeys: one real server and one chromium per test file, pages
 * in the demo town's locale, signing in, and screenshots for docs/screenshots.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, onTestFailed } from 'vitest';
import { ADMIN_PASSWORD, launchBrowser, startServer, type RunningServer } from './server.ts';

export const SHOTS = path.resolve(import.meta.dirname, '../../docs/screenshots');
export const DESKTOP = { width: 1440, height: 900 };
export const PHONE = { width: 390, height: 844 };
/**
 * Pictures for docs/screenshots are taken unless LVZHI_E2E_SHOTS=0: CI's clean clone throws them
 * away, and waiting for toasts to fade before each of about a hundred pictures costs minutes.
 */
const TAKE_SHOTS = process.env.LVZHI_E2E_SHOTS !== '0';

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
  /**
   * Content-Security-Policy violations seen since the last call, cleared. Every journey fails on
   * one left unclaimed (the whole UI must run under the app's CSP); a test that provokes one on
   * purpose takes it here.
   */
  takeCspViolations(): string[];
  /**
   * Answers of 500 and above from the app's server since the last call, cleared. Every journey
   * fails on one left unclaimed: a person never meets a server error on the way.
   */
  takeServerErrors(): string[];
}

/**
 * Records every CSP violation of a context's pages: the DOM event (which names the directive and
 * the blocked source) and chromium's console report, which also covers workers and eval.
 */
async function watchCsp(context: BrowserContext, record: (what: string) => void) {
  await context.exposeBinding('__lvzhiCspViolation', (source, what: string) =>
    record(`${source.page?.url() ?? '?'}: ${what}`),
  );
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __lvzhiCspViolation(s: string): void })
        .__lvzhiCspViolation;
      report(
        `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
      );
    });
  });
  context.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
      record(`${message.page()?.url() ?? '?'}: ${message.text()}`);
  });
}

/** What a person would see on a page: its address, open dialogs, toasts and field errors. */
async function pageState(page: Page): Promise<string> {
  const texts = (selector: string) =>
    page
      .locator(selector)
      .allInnerTexts()
      .then((all) => all.map((t) => t.replace(/\s+/g, ' ').trim().slice(0, 300)))
      .catch(() => []);
  const [dialogs, toasts, fieldErrors, alerts] = await Promise.all([
    texts('.ant-modal-title, .ant-drawer-title'),
    texts('.ant-message-notice, .ant-notification-notice'),
    texts('.ant-form-item-explain-error'),
    texts('.ant-alert-error, .ant-alert-warning'),
  ]);
  return [
    `  page ${page.url()}`,
    ...dialogs.map((t) => `    dialog: ${t}`),
    ...toasts.map((t) => `    toast: ${t}`),
    ...fieldErrors.map((t) => `    field error: ${t}`),
    ...alerts.map((t) => `    alert: ${t}`),
  ].join('\n');
}

/** The server's log lines of one test that answered an error, were slow, or warned. */
function notableLog(lines: string): string[] {
  return lines
    .split('\n')
    .filter((line) => {
      if (!line.trim()) return false;
      try {
        const entry = JSON.parse(line) as { level?: number; status?: number; ms?: number };
        return (entry.level ?? 0) >= 40 || (entry.status ?? 0) >= 400 || (entry.ms ?? 0) >= 2000;
      } catch {
        return true; // not pino: a crash trace or a warning printed by node
      }
    })
    .map((line) => line.slice(0, 600))
    .slice(-30);
}

/**
 * Call at the top of a test file: starts the server and browser before its tests, stops them after.
 * `env` is read when the server starts (after the file's earlier `beforeAll` hooks, e.g. a stub's).
 */
export function setUpJourney(options: { env?: () => Record<string, string> } = {}): Journey {
  let server: RunningServer;
  let browser: Browser;
  let violations: string[] = [];
  let serverErrors: string[] = [];
  const open = new Set<BrowserContext>();
  let pageErrors: string[] = [];
  beforeEach(() => {
    // A failure in CI is all one has to go on: print what the pages showed, the scripts' errors and
    // what the server said.
    const logFrom = server?.output().length ?? 0;
    pageErrors = [];
    onTestFailed(async () => {
      const pages = [...open].flatMap((c) => c.pages());
      const states = await Promise.all(pages.map((p) => pageState(p)));
      const log = notableLog(server?.output().slice(logFrom) ?? '');
      console.error(
        [
          '== pages at the failure ==',
          ...states,
          '== script errors in the pages ==',
          ...pageErrors.slice(-20),
          '== server: errors and slow requests ==',
          ...log,
        ].join('\n'),
      );
    });
  });
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startServer(undefined, options.env?.());
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  afterEach(() => {
    const seen = violations;
    const failed = serverErrors;
    violations = [];
    serverErrors = [];
    if (seen.length)
      throw new Error(`页面违反了内容安全策略（CSP）：\n${[...new Set(seen)].join('\n')}`);
    if (failed.length) throw new Error(`服务端出错（5xx）：\n${[...new Set(failed)].join('\n')}`);
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
        // No opening animations (the app honours the setting): a click on a dialog's button while
        // it still zoomed in on a loaded machine could land where the button no longer was.
        reducedMotion: 'reduce',
        ...phone,
      });
      await watchCsp(context, (what) => violations.push(what));
      open.add(context);
      context.on('response', (r) => {
        if (r.status() >= 500 && r.url().startsWith(server.baseUrl))
          serverErrors.push(`${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`);
      });
      context.on('weberror', (e) => pageErrors.push(String(e.error()).slice(0, 600)));
      context.on('console', (m) => {
        if (m.type() === 'error') pageErrors.push(m.text().slice(0, 600));
      });
      context.once('close', () => open.delete(context));
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
      if (!TAKE_SHOTS) return;
      await page
        .locator('.ant-message-notice')
        .first()
        .waitFor({ state: 'detached', timeout: 10_000 })
        .catch(() => {});
      await page.waitForTimeout(400);
      await page.screenshot({ path: path.join(SHOTS, name) });
    },
    takeServerErrors() {
      const seen = serverErrors;
      serverErrors = [];
      return seen;
    },
    takeCspViolations() {
      const seen = violations;
      violations = [];
      return seen;
    },
  };
}
