/**
 * The plain-Chinese walk's dialog part: on a page, every button a role is offered is pressed once
 * (per label, per tab), with every write to the API refused on the way (so pressing 签收 or 保存
 * changes nothing and each role sees the same town); whatever opens — drawer, dialog, confirmation,
 * another page — is read and closed again. Only buttons that download, print, sign out, page or
 * reload are left alone. Each distinct dialog (by its title) is read once per role.
 */
import type { Page, Route } from 'playwright-core';

/** Buttons not pressed: they download, print, sign out, page through a list or reload it. */
const SKIP = /^(导出|下载|打印|退出|上一页|下一页|加载更多|刷新|查询|重置|搜索|取消|关闭|登录)/;

const OVERLAY =
  '.ant-drawer-open .ant-drawer-section, .ant-modal-wrap:visible .ant-modal, ' +
  '.ant-popconfirm:not(.ant-popover-hidden)';
/** The same in CSS (hidden modal wraps read as empty text). */
const OVERLAY_CSS = OVERLAY.replace(':visible', '');
const TITLE =
  '.ant-drawer-title, .ant-modal-title, .ant-modal-confirm-title, .ant-popconfirm-title';

/** Everything readable in the open page (or in `scope`): visible text and the attributes shown. */
export async function shownText(page: Page, scope = 'body'): Promise<string> {
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

const inflight = new WeakMap<Page, Set<unknown>>();

/**
 * Counts the page's DOM changes and its requests in flight, for `settle`. Call once per page,
 * before it loads anything.
 */
export async function watchPage(page: Page) {
  const open = new Set<unknown>();
  inflight.set(page, open);
  page.on('request', (r) => open.add(r));
  page.on('requestfinished', (r) => open.delete(r));
  page.on('requestfailed', (r) => open.delete(r));
  await page.addInitScript(() => {
    const w = window as unknown as { __walkChanges: number };
    w.__walkChanges = 0;
    new MutationObserver(() => w.__walkChanges++).observe(document, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
}

/**
 * Waits for the page to be quiet: no request in flight, no spinner or skeleton, and the DOM unchanged
 * for 200 ms (a lazy route keeps the previous page on screen while its code loads, so the address
 * alone says nothing).
 */
export async function settle(page: Page) {
  const open = inflight.get(page);
  const deadline = Date.now() + 15_000;
  let last = -1;
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    const changes = await page
      .evaluate(() =>
        document.querySelector('.ant-spin-spinning, .ant-skeleton-active')
          ? -1
          : (window as unknown as { __walkChanges: number }).__walkChanges,
      )
      .catch(() => -1);
    const now = Date.now();
    if (changes < 0 || changes !== last || (open?.size ?? 0) > 0) {
      last = changes;
      quietSince = now;
    } else if (now - quietSince >= 200) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Closes whatever drawer, dialog or confirmation is still open (cancelling, never confirming). */
export async function closeOverlays(page: Page) {
  const open = page.locator(OVERLAY);
  if (!(await open.count())) return;
  const cancel = page.locator(
    '.ant-popconfirm:not(.ant-popover-hidden) .ant-popconfirm-buttons button:first-child, ' +
      '.ant-modal-wrap:visible .ant-modal-confirm-btns button:first-child',
  );
  for (const b of await cancel.all()) await b.click({ timeout: 1_000 }).catch(() => {});
  await page.keyboard.press('Escape');
  const gone = () =>
    open
      .first()
      .waitFor({ state: 'detached', timeout: 1_500 })
      .then(
        () => true,
        () => false,
      );
  if (await gone()) return;
  for (const x of await page
    .locator('.ant-drawer-open .ant-drawer-close, .ant-modal-wrap:visible .ant-modal-close')
    .all())
    await x.click({ timeout: 1_000 }).catch(() => {});
  await gone();
}

/** Runs `walk` with every API write of the page refused (a network error, which says so in Chinese). */
async function withoutWrites(page: Page, walk: () => Promise<void>) {
  const refuse = (route: Route) =>
    route.request().method() === 'GET' ? route.fallback() : route.abort();
  await page.route('**/api/**', refuse);
  try {
    await walk();
  } finally {
    await page.unroute('**/api/**', refuse);
  }
}

const normalise = (s: string) => s.replace(/\s+/g, '');

/** The labels of the content's visible, enabled buttons outside any overlay, in page order. */
async function buttonLabels(page: Page): Promise<string[]> {
  return page
    .locator('.ant-layout-content button:visible')
    .evaluateAll((els) =>
      els.map((b) =>
        (b as HTMLButtonElement).disabled ? '' : (b as HTMLElement).innerText.replace(/\s+/g, ''),
      ),
    );
}

export interface DialogWalk {
  /** Overlays read (each distinct title once per role). */
  opened: number;
  /** Titles (or button labels, when untitled) read so far by this role. */
  titles: Set<string>;
  /** Workflow actions offered in 我的工单 whose form did not open. */
  unopened: string[];
}

export const newDialogWalk = (): DialogWalk => ({ opened: 0, titles: new Set(), unopened: [] });

async function pressOnce(
  page: Page,
  label: string,
  where: string,
  walk: DialogWalk,
  record: (w: string, t: string) => void,
  restore: () => Promise<void>,
) {
  await closeOverlays(page); // one that opened too late for the previous button
  const labels = await buttonLabels(page);
  const i = labels.indexOf(label);
  if (i < 0) return;
  const before = page.url();
  await page
    .locator('.ant-layout-content button:visible')
    .nth(i)
    .click({ timeout: 5_000 })
    .catch(() => {});
  const overlay = page.locator(OVERLAY).first();
  const outcome = await Promise.any([
    overlay.waitFor({ timeout: 1_200 }).then(() => 'overlay' as const),
    page.waitForURL((u) => u.href !== before, { timeout: 1_200 }).then(() => 'moved' as const),
  ]).catch(() => 'nothing' as const);
  if (outcome === 'overlay') {
    await settle(page);
    const title = normalise(
      (
        await page
          .locator(TITLE)
          .allInnerTexts()
          .catch(() => [] as string[])
      ).join('|'),
    );
    const key = title || label;
    if (!walk.titles.has(key)) {
      walk.titles.add(key);
      walk.opened++;
      record(`${where} 「${label}」`, await shownText(page, OVERLAY_CSS));
    }
    await closeOverlays(page);
  } else if (outcome === 'moved') {
    // a link styled as a button: read that page too, then come back
    await settle(page);
    record(`${where} 「${label}」→ ${new URL(page.url()).pathname}`, await shownText(page));
    await page.goBack();
    await settle(page);
    await restore();
  }
}

/** The content's tabs (outside overlays), by label; the first is the one shown on arrival. */
async function tabLabels(page: Page): Promise<string[]> {
  return page
    .locator('.ant-layout-content .ant-tabs-nav .ant-tabs-tab:visible')
    .evaluateAll((els) => els.map((t) => (t as HTMLElement).innerText.replace(/\s+/g, '')));
}

async function showTab(page: Page, label: string | null) {
  if (!label) return;
  const tab = page
    .locator('.ant-layout-content .ant-tabs-nav .ant-tabs-tab:visible')
    .filter({ hasText: label })
    .first();
  await tab.click({ timeout: 5_000 }).catch(() => {});
  await settle(page);
}

/**
 * Reads each tab of the page (unless `tabs` is false) and presses each button of each tab once (by
 * label), writes refused. `where` names the page in problems.
 */
export async function checkDialogs(
  page: Page,
  where: string,
  walk: DialogWalk,
  record: (w: string, t: string) => void,
  options: { tabs?: boolean } = {},
) {
  await withoutWrites(page, async () => {
    const tabs = options.tabs === false ? [] : await tabLabels(page);
    // a button outside the tabs (or the same in each) is pressed on the first tab only
    const pressed = new Set<string>();
    for (const tab of [null, ...tabs.slice(1)]) {
      await showTab(page, tab);
      const here = tab ? `${where}（${tab}）` : where;
      if (tab) record(here, await shownText(page, '.ant-layout-content'));
      for (const label of await buttonLabels(page)) {
        if (!label || SKIP.test(label) || pressed.has(label)) continue;
        pressed.add(label);
        await pressOnce(page, label, here, walk, record, () => showTab(page, tab));
      }
    }
  });
}

/** The account's own dialog, offered on every page: 修改密码 from the user menu. */
export async function checkAccountDialog(
  page: Page,
  walk: DialogWalk,
  record: (w: string, t: string) => void,
) {
  await page.getByTestId('user-menu').hover();
  const item = page.locator('.ant-popover:not(.ant-popover-hidden) .ant-menu-item', {
    hasText: '修改密码',
  });
  await item.click({ timeout: 5_000 });
  await page.locator(OVERLAY).first().waitFor({ timeout: 5_000 });
  await settle(page);
  walk.titles.add('修改密码');
  walk.opened++;
  record('用户菜单「修改密码」', await shownText(page, OVERLAY_CSS));
  await closeOverlays(page);
}

/**
 * The workflow actions of 我的工单 (待我办理): each distinct action the role is offered there is
 * followed once to its order, where its form opens; read, cancelled, and back to the list.
 */
export async function checkQueueActions(
  page: Page,
  walk: DialogWalk,
  record: (w: string, t: string) => void,
) {
  const links = page.locator('[data-testid=queue-action]');
  const done = new Set<string>();
  for (const label of await links.allInnerTexts()) {
    if (done.has(label)) continue;
    done.add(label);
    const i = (await links.allInnerTexts()).indexOf(label);
    if (i < 0) continue;
    await links.nth(i).click();
    const opened = await page
      .locator(OVERLAY)
      .first()
      .waitFor({ timeout: 10_000 })
      .then(
        () => true,
        () => false,
      );
    if (!opened) walk.unopened.push(label);
    await settle(page);
    const title = normalise((await page.locator(TITLE).allInnerTexts()).join('|')) || label;
    if (!walk.titles.has(title)) {
      walk.titles.add(title);
      walk.opened++;
      record(`我的工单「${label}」`, await shownText(page, OVERLAY_CSS));
    }
    await closeOverlays(page);
    await page.goBack();
    await settle(page);
  }
}
