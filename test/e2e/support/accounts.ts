// Signing up and out through the web app's own forms.
import type { Page } from 'playwright-core';

let accounts = 0;

/** Registers a fresh account on /register and answers its username. */
export async function registerThroughUi(page: Page, { creator }: { creator: boolean }): Promise<string> {
  accounts += 1;
  const username = `e2e_${Date.now().toString(36)}_${accounts}`;
  await page.goto('/register');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Email').fill(`${username}@example.com`);
  await page.getByLabel('Password').fill('a sturdy passphrase 42');
  await page.getByLabel('Open a channel so I can upload videos').setChecked(creator);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('button', { name: `Account menu for ${username}` }).waitFor();
  return username;
}

export async function signOutThroughUi(page: Page, username: string): Promise<void> {
  await page.getByRole('button', { name: `Account menu for ${username}` }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).waitFor();
}
