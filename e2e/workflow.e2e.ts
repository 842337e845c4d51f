/// <reference lib="dom" />
/**
 * The workflow journey, generated from the workflow declarations at run time (issue 11): for every
 * appeal kind the server lists, the planner (support/workflow-plan.ts) lays out orders that
 * together fire each declared transition — the main life first, then the alternatives, each on a
 * fresh order — and the browser registers each order on 受理登记 and fires every step from the
 * order page as a demo account the server offers that action to. Every declared field must have a
 * control; an offered action answering 4xx, a page error or an id on the timeline fails; at the
 * end the number of distinct transitions fired equals the number declared.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILT_IN_KINDS, type KindDefinition } from '../src/core/workflow/index.ts';
import { KIND_NAMES } from '../src/domains/appeals/appeal.kinds.ts';
import { setUpJourney } from './support/journey.ts';
import { planPaths } from './support/workflow-plan.ts';
import {
  fileFieldCost,
  fillFields,
  offered,
  registerOrder,
  SCAN_NAME,
  timelineCount,
  USERS_FOR_ROLE,
  type Picks,
} from './support/workflow-ui.ts';

const { newPage, login, shoot } = setUpJourney();
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

const dayIn = (offsetDays: number) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(
    new Date(Date.now() + offsetDays * 86_400_000),
  );

/**
 * The demo accounts a walk acts as: one signed-in page per account, kept for the whole file, so
 * moving a step to another role switches tabs instead of signing in again (each sign-in costs a
 * page load and an argon2 check; the walks switch accounts a few dozen times).
 */
class Actor {
  user = '';
  failures: string[] = [];
  page!: Page;
  private readonly pages = new Map<string, Page>();
  get signIns() {
    return this.pages.size;
  }

  private watch(page: Page) {
    page.on('pageerror', (e) => this.failures.push(`页面错误：${e.message}`));
    page.on('response', async (r) => {
      const writes = r.request().method() === 'POST' && /\/appeals(\/|$)/.test(r.url());
      if (writes && r.status() >= 400)
        this.failures.push(`${r.status()} ${r.url()} ${await r.text().catch(() => '')}`);
    });
  }
  switches = 0;
  async as(user: string) {
    if (this.user === user) return;
    this.switches++;
    let page = this.pages.get(user);
    if (!page) {
      page = (await newPage()).page;
      this.watch(page);
      await login(page, user);
      this.pages.set(user, page);
    }
    this.page = page;
    this.user = user;
  }
  /** Starts a walk: nothing failed yet, and the next step acts from a known account. */
  reset() {
    this.failures = [];
  }
  async close() {
    await Promise.all(
      [...this.pages.values()].map((p) =>
        p
          .context()
          .close()
          .catch(() => {}),
      ),
    );
  }
}

const actor = new Actor();
/** Guide pictures taken: each step's once (a later path firing it again takes none). */
const shot = new Set<string>();
afterAll(async () => {
  console.log(`workflow walks: ${actor.switches} account switches, ${actor.signIns} sign-ins`);
  const { uploads, ms } = fileFieldCost;
  console.log(`file fields: ${uploads} uploads, ${(ms / 1000).toFixed(1)} s with their checks`);
  await actor.close();
});

/** Reads names of the demo town the journey picks (a unit and a village with an account in them). */
async function picksFor(actor: Actor): Promise<Picks> {
  const get = (url: string) => actor.page.request.get(url);
  const me = async (u: string) => {
    await actor.as(u);
    return (await (await get('/api/v1/auth/me')).json()) as {
      homeTownId: string;
      personId: string;
      grants: { unitId: string | null }[];
    };
  };
  const staff = await me('zhuangan');
  const cadre = await me('cunganbu');
  const lead = await me('zhengfa');
  const town = `/api/v1/towns/${staff.homeTownId}`;
  const units = (await (await get(`${town}/units`)).json()) as {
    items: { id: string; name: string }[];
  };
  const unitName = (id: string | null) => units.items.find((u) => u.id === id)!.name;
  const person = (await (await get(`${town}/people/${lead.personId}`)).json()) as {
    name: string;
  };
  return {
    unitName: unitName(staff.grants[0]!.unitId),
    villageName: unitName(cadre.grants[0]!.unitId),
    personName: person.name,
    today: dayIn(0),
    later: dayIn(30),
    codes: [],
  };
}

/** The first demo account (current one first) to whom the server offers `label` on the order. */
async function actorFor(actor: Actor, href: string, roles: readonly string[], label: string) {
  const users = [...new Set(roles.flatMap((r) => USERS_FOR_ROLE[r] ?? []))];
  const ordered = users.includes(actor.user)
    ? [actor.user, ...users.filter((u) => u !== actor.user)]
    : users;
  for (const u of ordered) {
    await actor.as(u);
    await actor.page.goto(href);
    if (await offered(actor.page, label)) return u;
  }
  throw new Error(`「${label}」没有提供给任何可执行它的演示账号（${users.join('、')}）`);
}

async function fire(actor: Actor, def: KindDefinition, href: string, id: string, picks: Picks) {
  const t = def.transitions.find((x) => x.id === id)!;
  await actorFor(actor, href, t.roles, t.label);
  const { page } = actor;
  const before = await timelineCount(page);
  await page
    .getByTestId('order-actions')
    .getByRole('button', { name: t.label, exact: true })
    .click();
  const modal = page.locator('.ant-modal').filter({ hasText: `${t.label} · ` });
  await modal.waitFor();
  if (t.fields.some((f) => f.required) && picks.codes.length === 1) {
    // An empty submit: the Chinese message beside the field, no page error, nothing sent.
    await modal.locator('[data-field]').first().waitFor();
    await page.waitForTimeout(300); // the modal's opening animation
    await modal.locator('.ant-modal-footer .ant-btn-primary').click();
    await expect
      .poll(() => modal.locator('.ant-form-item-explain-error').first().textContent())
      .toMatch(/^请(填写|选择)/);
  }
  const filled = await fillFields(page, modal, def, t.fields, picks);
  const files = t.fields.filter((f) => f.type === 'file' && filled.includes(f.name));
  // Pictures for the guide, once per step: the person pickers, a file uploaded through its field.
  const picture = `workflow-${def.kind}-${id}.png`;
  const fileStarted = Date.now();
  if ((t.fields.some((f) => f.type === 'person_id') || files.length) && !shot.has(picture)) {
    shot.add(picture);
    await shoot(page, picture);
    if (!t.fields.some((f) => f.type === 'person_id')) fileFieldCost.ms += Date.now() - fileStarted;
  }
  await modal.locator('.ant-modal-footer .ant-btn-primary').click();
  // Done when the modal closes; an answer of 4xx (kept by the actor) fails at once with its body.
  await expect
    .poll(async () => actor.failures.length > 0 || !(await modal.isVisible()))
    .toBe(true)
    .catch(async (e) => {
      await page.screenshot({ path: `/tmp/workflow-${def.kind}-${id}-failed.png` });
      throw e;
    });
  expect(actor.failures, `「${t.label}」`).toEqual([]);
  // The order page shows the new step, or (退单 hands the order back) the list says it moved on.
  const moved = async () => new URL(page.url()).pathname !== href;
  await expect
    .poll(async () => (await moved()) || (await timelineCount(page)) === before + 1)
    .toBe(true);
  // Amounts and villages are read as a person says them: 1,280.50 元, the village's name.
  const timeline = page.getByTestId('timeline');
  if (t.fields.some((f) => f.type === 'money') && !(await moved()))
    expect(await timeline.textContent()).toContain('1,280.50 元');
  for (const f of t.fields.filter((x) => x.type === 'village_id'))
    if (!(await moved()))
      expect(await timeline.textContent()).toContain(`${f.label}：${picks.villageName}`);
  // A file field shows the uploaded file by name (a download link), never its id.
  const shown = Date.now();
  for (const f of files)
    if (!(await moved()))
      await expect
        .poll(async () => ((await timeline.textContent()) ?? '').replace(/\s/g, ''))
        .toContain(`${f.label}：${SCAN_NAME}`);
  fileFieldCost.ms += Date.now() - shown;
}

async function walkKind(def: KindDefinition) {
  actor.reset();
  const picks = await picksFor(actor);
  const paths = planPaths(def, picks.today, picks.later);
  const fired = new Set<string>();
  let steps = 0;
  for (const path of paths) {
    const starter = ['paidan', 'cunganbu', 'zhuangan', 'admin'].find((u) =>
      def.initial.roles.some((r) => USERS_FOR_ROLE[r]?.includes(u)),
    )!;
    await actor.as(starter);
    const first = picks.codes.length === 0;
    const { code, href } = await registerOrder(actor.page, def, picks, async () => {
      if (first) await shoot(actor.page, `workflow-${def.kind}-intake.png`);
    });
    picks.codes.push(code);
    for (const id of path.steps) {
      await fire(actor, def, href, id, picks);
      fired.add(id);
      steps++;
    }
    const timeline = (await actor.page.getByTestId('timeline').textContent()) ?? '';
    expect(timeline, '时间线上出现了编号而不是名称').not.toMatch(UUID);
  }
  await shoot(actor.page, `workflow-${def.kind}-timeline.png`);
  expect(actor.failures).toEqual([]);
  expect([...fired].sort()).toEqual(def.transitions.map((t) => t.id).sort());
  expect(fired.size).toBe(def.transitions.length);
  return { paths: paths.length, steps };
}

// The appeal kinds as the server lists them (`/appeal-kinds`); each walk comes from its declaration.
describe('every appeal kind walked through the browser from its declaration', () => {
  for (const kind of KIND_NAMES)
    it(`${kind}: every declared transition fired through the UI`, async () => {
      const def = BUILT_IN_KINDS[kind]!;
      const { steps } = await walkKind(def);
      expect(steps).toBeGreaterThanOrEqual(def.transitions.length);
    }, 600_000);

  it('offers nothing a role would be refused: the county account registers and uploads nothing', async () => {
    const { context, page } = await newPage();
    await login(page, 'paidan');
    await page.goto('/appeals/intake');
    await page.getByLabel('工单类型').click();
    const kinds = page.locator('.ant-select-dropdown .ant-select-item-option');
    await expect.poll(() => kinds.allTextContents()).toEqual(['12345热线工单', '信访事项']);
    await page.keyboard.press('Escape');
    // 我的工单 at 1440 px: a readable 标题, and each offered action opens its form on the order.
    await page.goto('/appeals/orders');
    await page.getByTestId('queue-filter-note').waitFor();
    const action = page.getByTestId('queue-action').first();
    await action.waitFor();
    const title = page.locator('.ant-table-thead th').filter({ hasText: '标题' });
    expect((await title.boundingBox())!.width).toBeGreaterThan(200);
    await shoot(page, 'workflow-my-orders.png');
    const label = (await action.textContent())!.trim();
    await action.click();
    await page
      .locator('.ant-modal-title')
      .filter({ hasText: `${label} · ` })
      .waitFor();
    await context.clearCookies();
    await login(page, 'ducha');
    await page.goto('/appeals/intake');
    await page.getByText('您的账号不办理受理登记').waitFor();
    expect(await page.locator('form').count()).toBe(0);
    await page.goto('/appeals/orders?tab=all');
    await page.locator('.ant-table-row a').first().click();
    await page.getByTestId('order-code').waitFor();
    await page.getByText('当前没有您可执行的操作').waitFor();
    expect(await page.getByRole('button', { name: /上传/ }).count()).toBe(0);
    await context.close();
  });
});
