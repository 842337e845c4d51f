/** Helpers for antd Select in browser journeys. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Picks an option of an antd Select by typing and clicking the matching option. The popup is found
 * through the combobox's `aria-controls`, so a neighbouring Select's popup that is still fading out
 * is never matched; if the option does not become clickable (popup closed during its opening
 * animation), the popup is closed and opened again.
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
  for (let attempt = 1; ; attempt++) {
    await select.click();
    await expect.poll(expanded, { timeout: 5_000 }).toBe('true');
    if (text) await page.keyboard.type(text);
    const listId = await select.getAttribute('aria-controls');
    const popup = page.locator(`.ant-select-dropdown:has([id="${listId}"])`);
    const option = popup.locator('.ant-select-item-option').filter({ hasText: text }).first();
    try {
      await option.click({ timeout: 5_000 });
      // A single select closes its popup: wait until it has faded out, as while it fades it still
      // covers the fields below it. A multiple select stays open for the next pick (the caller
      // closes it).
      const closed = await expect
        .poll(expanded, { timeout: 1_000 })
        .not.toBe('true')
        .then(
          () => true,
          () => false,
        );
      if (closed) await popup.waitFor({ state: 'hidden', timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
      await page.keyboard.press('Escape');
      await expect.poll(expanded, { timeout: 5_000 }).not.toBe('true');
    }
  }
}
