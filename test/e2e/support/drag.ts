// Keyboard drag and drop in lists built with @dnd-kit (the course builder): focus the ⠿ handle, Space to
// lift, an arrow key to move one place, Space to drop; each step waits for the live region's announcement.
import type { Page } from 'playwright-core';

/** `handle` is the handle's accessible name, "Drag <item>"; the announcements name "<item>". */
export async function dragByKeyboard(page: Page, handle: string, key: 'ArrowDown' | 'ArrowUp'): Promise<void> {
  const item = handle.replace(/^Drag /, '');
  await page.getByRole('button', { name: handle, exact: true }).first().focus();
  await page.keyboard.press('Space');
  // The "Picked up" line is replaced at once by the item's place.
  await page.getByText(`${item} is at position`).first().waitFor({ state: 'attached' });
  await page.keyboard.press(key);
  await page.waitForTimeout(300);
  await page.keyboard.press('Space');
  await page.getByText(`${item} dropped at position`).first().waitFor({ state: 'attached' });
}
