// Keyboard drag and drop in lists built with @dnd-kit (the course builder): focus the ⠿ handle, Space to
// lift, an arrow key to move one place, Space to drop; each step waits for the live region's announcement.
import type { Page } from 'playwright-core';

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `handle` is the handle's accessible name, "Drag <item>"; the announcements name "<item>". */
export async function dragByKeyboard(page: Page, handle: string, key: 'ArrowDown' | 'ArrowUp'): Promise<void> {
  const item = handle.replace(/^Drag /, '');
  await page.getByRole('button', { name: handle, exact: true }).first().focus();
  await page.keyboard.press('Space');
  // The "Picked up" line is replaced at once by the item's place.
  const lifted = page.getByText(new RegExp(`^${escaped(item)} is at position \\d+ of \\d+\\.$`)).first();
  await lifted.waitFor({ state: 'attached' });
  const from = Number(/is at position (\d+)/.exec((await lifted.textContent()) ?? '')?.[1]);
  const to = key === 'ArrowDown' ? from + 1 : from - 1;
  await page.keyboard.press(key);
  // Drop only once the move is announced: a fixed pause could drop it before the move had landed.
  await page.getByText(`${item} is at position ${to} of`).first().waitFor({ state: 'attached' });
  await page.keyboard.press('Space');
  await page.getByText(`${item} dropped at position ${to}.`).first().waitFor({ state: 'attached' });
}
