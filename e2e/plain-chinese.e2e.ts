/**
 * Plain Chinese on every page (issue 11): each demo role signs in and visits every page its menu
 * offers, opening the drawers and dialogs each page offers that role. What a person sees — text,
 * table headers, placeholders, tooltips' titles, button labels — may hold no Latin word (but an
 * allow-list of names such as Excel or PDF and the demo's own account names), no raw enum value
 * (they are Latin words: `hotline`, `closed`) and no ISO or PC-locale timestamp.
 *
 * The same walk checks that the menu offers no page the server refuses: any API answer 403 while a
 * role is on a page its menu led to fails the test (the menu is built from the session's allowed
 * route policies, web/src/layout/menu.tsx).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setUpJourney } from './support/journey.ts';

const { newPage, login } = setUpJourney();

/** Names that are not translated in Chinese offices, and what the demo town calls its accounts. */
const ALLOWED = new Set(
  [
    'Excel',
    'Word',
    'PDF',
    'API',
    'WPS',
    'PNG',
    'JPG',
    'JPEG',
    'KB',
    'MB',
    'GB',
    'ID',
    'QR',
    'Ctrl',
    // account names and the town code are data people type and sign in with
    'admin',
    'shuji',
    'zhenzhang',
    'jiwei',
    'zuzhi',
    'xuanchuan',
    'zhengfa',
    'wuzhuang',
    'zhuangan',
    'paidan',
    'cunganbu',
    'ducha',
    'yunwei',
    'qingshi',
  ].map((w) => w.toLowerCase()),
);

/** One demo account per role. */
const ROLES = [
  ['admin', '管理员'],
  ['shuji', '领导'],
  ['xuanchuan', '分管领导'],
  ['zhuangan', '工作人员'],
  ['paidan', '派单员'],
  ['cunganbu', '村干部'],
  ['ducha', '县级督查'],
  ['yunwei', '系统运维'],
] as const;

/** Buttons that open a drawer or a dialog without changing anything. */
const OPENERS =
  /^(新增|新建|添加|编辑|修改|查看|详情|明细|督办|导入|历史版本|生成初稿|筛选|更多筛选|设置|发放|合并|新增记录|新增人员|新增单位|新增任职|新增用户)/;

const ISO = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}|\d{4}\/\d{1,2}\/\d{1,2}|\d{1,2}:\d{2}:\d{2}/;

/** Everything readable in the open page (or in `scope`): visible text and the attributes shown. */
async function shownText(page: Page, scope = 'body'): Promise<string> {
  return page.evaluate((sel) => {
    const roots = Array.from(document.querySelectorAll<HTMLElement>(sel));
    const parts: string[] = [];
    for (const root of roots) {
      parts.push(root.innerText);
      // Placeholders and tooltips' titles are read too; icons' aria-labels are for screen readers.
      root.querySelectorAll<HTMLElement>('[placeholder], [title]').forEach((el) => {
        if (el.closest('.anticon') || el.getClientRects().length === 0) return;
        for (const a of ['placeholder', 'title']) {
          const v = el.getAttribute(a);
          if (v) parts.push(v);
        }
      });
    }
    return parts.join('\n');
  }, scope);
}

/** The offences in a text: Latin words outside the allow-list, and timestamps not in our format. */
export function offences(text: string): string[] {
  const clean = text.replace(/https?:\/\/\S+/g, ' ').replace(/[\w.+-]+@[\w.-]+/g, ' ');
  const found: string[] = [];
  for (const m of clean.matchAll(/[A-Za-z][A-Za-z_]+/g))
    if (!ALLOWED.has(m[0].toLowerCase())) found.push(m[0]);
  for (const m of clean.matchAll(new RegExp(ISO, 'g'))) found.push(m[0]);
  return found;
}

/** Closes whatever drawer or dialog is still open. */
async function closeOverlays(page: Page) {
  await page.keyboard.press('Escape');
  for (const x of await page
    .locator('.ant-drawer-open .ant-drawer-close, .ant-modal-wrap:visible .ant-modal-close')
    .all())
    await x.click({ timeout: 2_000 }).catch(() => {});
  await page
    .locator('.ant-drawer-mask, .ant-modal-mask')
    .first()
    .waitFor({ state: 'hidden', timeout: 3_000 })
    .catch(() => {});
}

async function settle(page: Page) {
  await page.waitForLoadState('networkidle').catch(() => {});
  await page
    .locator('.ant-spin-spinning, .ant-skeleton-active')
    .first()
    .waitFor({ state: 'detached', timeout: 15_000 })
    .catch(() => {});
}

/** The menu's pages: every group opened, each item's key (its path) read from antd's menu id. */
/** Opens every closed group of the sider's menu (a page of another layout closes them again). */
async function openGroups(page: Page) {
  const sider = page.locator('.ant-layout-sider .ant-menu-root');
  await sider.waitFor();
  for (const title of await sider
    .locator('.ant-menu-submenu:not(.ant-menu-submenu-open) > .ant-menu-submenu-title')
    .all())
    await title.click();
  return sider;
}

async function menuPaths(page: Page): Promise<{ path: string; label: string }[]> {
  const sider = await openGroups(page);
  return sider.locator('.ant-menu-item').evaluateAll((items) =>
    items.map((li) => ({
      path: /(\/.*)$/.exec(li.getAttribute('data-menu-id') ?? '')?.[1] ?? '',
      label: (li as HTMLElement).innerText.trim(),
    })),
  );
}

let opened = 0;

/** Opens each drawer and dialog the page offers (buttons that only open one), checks it, closes it. */
async function checkDialogs(page: Page, where: string, record: (w: string, t: string) => void) {
  const buttons = page.locator('.ant-layout-content button:visible');
  const labels = (await buttons.allInnerTexts()).map((t) => t.replace(/\s+/g, ''));
  const seen = new Set<string>();
  for (const [i, label] of labels.entries()) {
    if (!OPENERS.test(label) || seen.has(label)) continue;
    seen.add(label);
    const button = buttons.nth(i);
    if (!(await button.isEnabled().catch(() => false))) continue;
    await button.click({ timeout: 5_000 }).catch(() => {});
    const overlay = page.locator(
      '.ant-drawer-open .ant-drawer-content, .ant-modal-wrap:visible .ant-modal',
    );
    opened++;
    if (
      await overlay
        .first()
        .waitFor({ timeout: 3_000 })
        .then(
          () => true,
          () => false,
        )
    ) {
      await settle(page);
      record(
        `${where} 「${label}」`,
        await shownText(page, '.ant-drawer-open .ant-drawer-content, .ant-modal-wrap .ant-modal'),
      );
      await closeOverlays(page);
    } else if (!page.url().endsWith(where)) {
      // it navigated (a link styled as a button): check that page too, then come back
      await settle(page);
      record(`${where} → ${new URL(page.url()).pathname}`, await shownText(page));
      await page.goBack();
      await settle(page);
    }
  }
}

describe('plain Chinese on every page of every role', () => {
  it('shows no Latin word, raw enum value or foreign timestamp, in pages, drawers and dialogs', async () => {
    const problems: string[] = [];
    const refused: string[] = [];
    const record = (where: string, text: string) => {
      const bad = offences(text);
      if (!bad.length) return;
      // what surrounds the first one, to find it on the page
      const at = text.indexOf(bad[0]!);
      const around = text.slice(Math.max(0, at - 30), at + 40).replace(/\s+/g, ' ');
      problems.push(`${where}: ${[...new Set(bad)].slice(0, 12).join(' ')} 「…${around}…」`);
    };
    let pages = 0;
    const walk = async ([username, role]: (typeof ROLES)[number]) => {
      const { context, page } = await newPage();
      let where = `${role} /`;
      page.on('response', (res) => {
        if (res.status() === 403 && res.url().includes('/api/'))
          refused.push(`${where}: ${res.request().method()} ${new URL(res.url()).pathname}`);
      });
      await login(page, username);
      await settle(page);
      record(where, await shownText(page));
      for (const { path, label } of await menuPaths(page)) {
        if (!path) continue;
        await closeOverlays(page);
        await openGroups(page);
        await page
          .locator('.ant-layout-sider .ant-menu-item')
          .filter({ hasText: label })
          .first()
          .click();
        where = `${role} ${path}`;
        await page.waitForURL((u) => u.pathname === path).catch(() => {});
        await settle(page);
        pages++;
        record(where, await shownText(page));
        await checkDialogs(page, path, (w, t) => record(`${role} ${w}`, t));
        // one record of a list, opened as a person would: an order's page
        if (path === '/appeals/orders') {
          const first = page.locator('.ant-table-row a').first();
          if (await first.count()) {
            await first.click();
            await settle(page);
            record(`${role} 工单详情`, await shownText(page));
          }
        }
      }
      await context.close();
    };
    // Roles walk side by side (most of a page's time is waiting for the network to go quiet).
    const queue = [...ROLES];
    await Promise.all(
      [1, 2, 3].map(async () => {
        for (let next = queue.shift(); next; next = queue.shift()) await walk(next);
      }),
    );
    console.log(
      `plain Chinese: ${pages} pages of ${ROLES.length} roles, ${opened} drawers/dialogs`,
    );
    expect(pages).toBeGreaterThan(40);
    // 403s: pages and dialogs the menu offers but the server refuses.
    expect({ problems, refused }).toEqual({ problems: [], refused: [] });
  }, 300_000);
});
