/** Helpers for antd Select in browser journeys. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Picks an option of an antd Select by typing and clicking the matching option. The popup is found
 * through the combobox's `aria-controls`, so a neighbouring Select's popup that is still fading out
 * is never matched; if the option does not become clickable (popup closed during its opening
 * animation, or a click that picked nothing), the popup is closed and opened again.
 */
export async function choose(
  page: Page,
  target: ReturnType<Page['locator']>,
  text: string,
): Promise<void> {
  // A label resolves to the combobox input itself; a test id sits on the Select's wrapper.
  const found =
    (await target.getAttribute('role')) === 'combobox' ? target : target.locator('[role=combobox]');
  // Pin the combobox by its id: a locator filtered by the Select's text (its placeholder) stops
  // matching once an option has replaced that text.
  const id = await found.getAttribute('id');
  const select = id ? page.locator(`[id="${id}"]`) : found;
  const expanded = () => select.getAttribute('aria-expanded', { timeout: 1_000 }).catch(() => null);
  // A multiple select stays open for the next pick (the caller closes it); a single one closes.
  const root = select.locator(
    'xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]',
  );
  const multiple = ((await root.getAttribute('class')) ?? '').includes('ant-select-multiple');
  for (let attempt = 1; ; attempt++) {
    try {
      // A click before the page has settled (a form re-rendered as its data arrived) can open
      // nothing: then try again.
      await select.click();
      await expect.poll(expanded, { timeout: 5_000 }).toBe('true');
      if (text) await page.keyboard.type(text);
      const listId = await select.getAttribute('aria-controls');
      const popup = page.locator(`.ant-select-dropdown:has([id="${listId}"])`);
      const option = popup.locator('.ant-select-item-option').filter({ hasText: text }).first();
      await option.click({ timeout: 5_000 });
      if (multiple) return;
      // The pick closes the popup; wait until it has faded out, as while it fades it still covers
      // the fields below it. A click that landed while the popup was still opening picks nothing
      // and leaves it open: then try again.
      await expect.poll(expanded, { timeout: 5_000 }).not.toBe('true');
      await popup.waitFor({ state: 'hidden', timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
      if ((await expanded()) === 'true') await page.keyboard.press('Escape');
      await expect.poll(expanded, { timeout: 5_000 }).not.toBe('true');
    }
  }
}
