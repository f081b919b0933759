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

/** Signs an existing account in on /login and waits for the page it was sent on to. */
export async function signInThroughUi(
  page: Page,
  account: { user: { email: string; username: string }; password: string },
  next: string,
): Promise<void> {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Email or username').fill(account.user.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: `Account menu for ${account.user.username}` }).waitFor();
}
