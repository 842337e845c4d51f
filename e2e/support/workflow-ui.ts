/**
 * Browser side of the generated workflow journey: who of the demo town may act in a role, filling
 * a declared field through its control (every field type has one; a field without a control fails),
 * registering an order on 受理登记 and firing a transition from the order page.
 */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { FieldSpec, KindDefinition } from '../../src/core/workflow/index.ts';
import { choose } from './select.ts';
import { enumChoice, MONEY, plannedValue } from './workflow-plan.ts';

/** Demo accounts that may act in a role, in the order they are tried. */
export const USERS_FOR_ROLE: Record<string, string[]> = {
  dispatcher: ['paidan'],
  admin: ['admin'],
  leader: ['shuji'],
  staff: ['zhuangan'],
  village_cadre: ['cunganbu'],
  portfolio_leader: ['zhengfa'],
  assignee: ['zhuangan', 'cunganbu'],
  co_handler: ['zhuangan'],
  case_leader: ['zhengfa'],
  owner: ['zhengfa', 'cunganbu'],
  reporter: [],
};

/** The file a `file` field gets: a one-page PDF, uploaded to the order through the field. */
export const SCAN_NAME = '扫描件（流程测试）.pdf';
const SCAN = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** What the journey picks in pickers: a unit with a demo account in it, a person with one. */
export interface Picks {
  unitName: string;
  villageName: string;
  personName: string;
  today: string;
  later: string;
  /** Codes of orders made earlier in the journey (a 主工单 for 合并). */
  codes: string[];
}

/**
 * Picks `name` in a searching picker (units, people). A click can land while the search results
 * re-render: check the choice shows, else retry. The Select's own text is its chosen labels
 * (antd 6 renders a single choice as the content's text, several as tags); what is typed sits in
 * the input's value, not its text.
 */
async function pickRetrying(page: Page, item: Locator, name: string, multiple: boolean) {
  const shown = () =>
    expect
      .poll(async () => (await item.locator('.ant-select').textContent()) ?? '', {
        timeout: 3_000,
      })
      .toContain(name)
      .then(
        () => true,
        () => false,
      );
  for (let attempt = 1; ; attempt++) {
    await choose(page, item, name);
    if (multiple) await page.keyboard.press('Escape');
    if (await shown()) return;
    expect(attempt, `未能选中「${name}」`).toBeLessThan(3);
  }
}

export async function fillField(
  page: Page,
  scope: Locator,
  def: KindDefinition,
  f: FieldSpec,
  picks: Picks,
) {
  const item = scope.locator(`[data-field="${f.name}"]`);
  expect(await item.count(), `字段「${f.label}」（${f.type}）没有输入控件`).toBe(1);
  const text = String(plannedValue(def, f, picks.today, picks.later));
  switch (f.type) {
    case 'string':
      return item.locator('input').fill(text);
    case 'text':
      return item.locator('textarea').fill(text);
    case 'number':
      return item.locator('input').fill(text);
    case 'money': {
      const input = item.locator('input');
      await input.fill(String(MONEY));
      await input.blur();
      return expect.poll(() => input.inputValue()).toBe(MONEY.toFixed(2));
    }
    case 'village_id':
      return choose(page, item, picks.villageName);
    case 'appeal_ref':
      // another order of the journey, found by its tracking code (合并's 主工单)
      return pickRetrying(page, item, picks.codes[0]!, false);
    case 'boolean':
      return item.getByText('是', { exact: true }).click();
    case 'enum': {
      const option = enumChoice(def, f);
      if ((await item.locator('.ant-radio-group').count()) > 0)
        return item.getByText(option, { exact: true }).click();
      return choose(page, item, option);
    }
    case 'date':
    case 'datetime': {
      const input = item.locator('input');
      await input.click();
      await input.fill(f.type === 'date' ? text : `${picks.today} 10:00:00`);
      await input.press('Enter');
      return expect.poll(() => input.inputValue()).toContain(text.slice(0, 10));
    }
    case 'unit_id':
    case 'unit_ids':
      return pickRetrying(page, item, picks.unitName, f.type === 'unit_ids');
    case 'person_id':
    case 'person_ids':
      return pickRetrying(page, item, picks.personName, f.type === 'person_ids');
    case 'file': {
      // The field uploads at once; the file shows in its list (by name) once the server took it.
      await item
        .locator('input[type=file]')
        .setInputFiles({ name: SCAN_NAME, mimeType: 'application/pdf', buffer: SCAN });
      return item.locator('.ant-upload-list-item').filter({ hasText: SCAN_NAME }).waitFor();
    }
    case 'string_list': {
      const input = item.locator('input');
      await input.click();
      const tags = () => item.locator('.ant-select-selection-item').allTextContents();
      for (const v of ['张某', '李某']) {
        // Enter takes the active option: wait until it is the typed text, not the last tag. On a
        // busy machine the Enter can still land on a list being redrawn: check the tag, else retry.
        // The pointer is parked away from the list, so hovering never makes another option active;
        // when the typed option does not become active (the list closed or was redrawn), type again.
        for (let attempt = 1; ; attempt++) {
          await page.mouse.move(2, 2);
          await input.fill(v);
          const active = await page
            .locator('.ant-select-dropdown:visible .ant-select-item-option-active')
            .filter({ hasText: v })
            .waitFor({ timeout: 5_000 })
            .then(
              () => true,
              () => false,
            );
          if (active) await input.press('Enter');
          const added =
            active &&
            (await expect
              .poll(tags, { timeout: 3_000 })
              .toContain(v)
              .then(
                () => true,
                () => false,
              ));
          if (added) break;
          expect(attempt, `未能添加「${v}」`).toBeLessThan(4);
          await input.fill('');
          await input.click();
        }
      }
      await page.keyboard.press('Escape');
      return expect
        .poll(() => item.locator('.ant-select-selection-item').allTextContents())
        .toEqual(expect.arrayContaining(['张某', '李某']));
    }
  }
}

/** Time the walk spends on file fields (uploading, then seeing the name on the timeline). */
export const fileFieldCost = { uploads: 0, ms: 0 };

/** Optional fields filled anyway, so their controls are exercised (money, village, file). */
const FILLED_WHEN_OPTIONAL = ['money', 'village_id', 'file'];
/** An optional file field uploads once per kind and field: each upload costs CI seconds. */
const uploadedOnce = new Set<string>();

/**
 * Fills every required field and the optional ones of FILLED_WHEN_OPTIONAL (each declared field
 * must have its control); returns the names of the fields filled.
 */
export async function fillFields(
  page: Page,
  scope: Locator,
  def: KindDefinition,
  fields: readonly FieldSpec[],
  picks: Picks,
): Promise<string[]> {
  const filled: string[] = [];
  for (const f of fields) {
    const once = `${def.kind}.${f.name}`;
    const optionalFile = f.type === 'file' && !f.required;
    if (
      (f.required || FILLED_WHEN_OPTIONAL.includes(f.type)) &&
      !(optionalFile && uploadedOnce.has(once))
    ) {
      const started = Date.now();
      await fillField(page, scope, def, f, picks);
      filled.push(f.name);
      if (f.type === 'file') {
        uploadedOnce.add(once);
        fileFieldCost.uploads++;
        fileFieldCost.ms += Date.now() - started;
      }
    } else
      expect(
        await scope.locator(`[data-field="${f.name}"]`).count(),
        `字段「${f.label}」没有输入控件`,
      ).toBe(1);
  }
  return filled;
}

/** 受理登记 of a kind; returns the new order's path and code. */
export async function registerOrder(
  page: Page,
  def: KindDefinition,
  picks: Picks,
  beforeSubmit?: () => Promise<void>,
) {
  await page.goto('/appeals/intake');
  const form = page.locator('form');
  await choose(page, page.getByLabel('工单类型'), def.label);
  const category = page.getByTestId('intake-category').locator('input');
  await category.click();
  await page.keyboard.type('供水');
  await page.locator('.ant-select-tree-treenode').filter({ hasText: '供水' }).first().waitFor();
  await page.keyboard.press('Enter');
  await choose(page, page.getByTestId('intake-village'), picks.villageName);
  await page.getByLabel('联系电话').fill('13800005678');
  await fillFields(page, form, def, def.initial.fields, picks);
  await beforeSubmit?.();
  await page.getByRole('button', { name: '受理', exact: true }).click();
  const created = page.getByTestId('created-code');
  await created.waitFor();
  const code = (await created.textContent())!.trim();
  const href = (await created.getAttribute('href'))!;
  return { code, href };
}

export const timelineCount = (page: Page) => page.getByTestId('timeline-event').count();

/** The enabled button of an action on the order page, if the server offers it to this user. */
export async function offered(page: Page, label: string): Promise<boolean> {
  await page.getByTestId('order-code').waitFor();
  const button = page
    .getByTestId('order-actions')
    .getByRole('button', { name: label, exact: true });
  return (await button.count()) > 0 && (await button.isEnabled());
}
