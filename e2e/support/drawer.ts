/** Helpers for antd Drawer in browser journeys. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Closes the open drawer with its close button and waits until its mask is gone, so the next
 * click reaches the page. Escape closes a drawer only while focus is inside it, which a drawer
 * still loading its rows does not always have.
 */
export async function closeDrawer(page: Page): Promise<void> {
  const open = page.locator('.ant-drawer-open');
  await open.locator('.ant-drawer-close').first().click();
  await expect
    .poll(() => page.locator('.ant-drawer-mask:visible').count(), { timeout: 10_000 })
    .toBe(0);
}
