// A creator edits their profile (name and the channel's About text) and changes their password on the
// settings page: the API's refusals show beside their fields, the channel shows the new text, and only the
// new password signs in afterwards. On a phone the page fits the screen.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { json, registerUser } from '../support/app.ts';
import { launchBrowser, type TestBrowser } from './support/browser.ts';
import { signInThroughUi, signOutThroughUi } from './support/accounts.ts';
import { screenshot, startWebTestApp, type WebTestApp } from './support/web-app.ts';

describe('account settings in Chromium', () => {
  let t: WebTestApp;
  let desktop: TestBrowser;
  let page: Page;
  let account: Awaited<ReturnType<typeof registerUser>>;

  before(async () => {
    t = await startWebTestApp();
    desktop = await launchBrowser(t.baseUrl);
    page = await desktop.newPage();
    account = await registerUser(t.app, { role: 'creator' });
  });
  after(async () => {
    await desktop?.close();
    await t?.close();
  });

  test('the profile: a taken name is refused beside its field; the About text reaches the channel page', async () => {
    const other = await registerUser(t.app);
    await signInThroughUi(page, account, `/channel/${account.user.id}/about`);
    await page.getByRole('link', { name: 'Add a description of your channel' }).click();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();

    const profile = page.getByRole('form', { name: 'Profile' });
    await profile.getByLabel('Username').fill(other.user.username);
    await profile.getByLabel('About your channel').fill('Bread, slowly.\nA new loaf every Sunday.');
    await profile.getByText('961 characters left').waitFor();
    await profile.getByRole('button', { name: 'Save profile' }).click();
    await profile.getByText('is already taken').waitFor();
    assert.equal(await profile.getByLabel('Username').getAttribute('aria-invalid'), 'true');

    const renamed = `${account.user.username.slice(0, 20)}_bakes`;
    await profile.getByLabel('Username').fill(renamed);
    await profile.getByRole('button', { name: 'Save profile' }).click();
    await profile.getByRole('status').filter({ hasText: 'Profile saved.' }).waitFor();
    // The header's menu and the channel page use the saved name and text at once.
    await page.getByRole('button', { name: `Account menu for ${renamed}` }).waitFor();
    await page.getByRole('link', { name: 'See it' }).click();
    await page.getByRole('heading', { name: renamed }).waitFor();
    await page.getByText('A new loaf every Sunday.').waitFor();
    const stored = json(await t.app.inject({ method: 'GET', url: `/api/v1/users/${account.user.id}` })).data;
    assert.deepEqual([stored.username, stored.bio], [renamed, 'Bread, slowly.\nA new loaf every Sunday.']);
    account.user.username = renamed;
  });

  test('the password: a wrong current one and a weak new one are refused beside their fields; the new one signs in', async () => {
    await page.getByRole('button', { name: `Account menu for ${account.user.username}` }).click();
    await page.getByRole('menuitem', { name: 'Settings' }).click();
    const form = page.getByRole('form', { name: 'Password' });
    await form.getByLabel('Current password').fill('not my password at all');
    await form.getByLabel('New password').fill('rye and caraway 2027');
    await form.getByRole('button', { name: 'Change password' }).click();
    await form.getByText('is not your current password').waitFor();

    await form.getByLabel('Current password').fill(account.password);
    await form.getByLabel('New password').fill('password1');
    await form.getByRole('button', { name: 'Change password' }).click();
    await form.locator('.field-error').waitFor();
    assert.equal(await form.getByLabel('New password').getAttribute('aria-invalid'), 'true');
    assert.equal(await form.getByText('is not your current password').count(), 0, 'the old refusal is gone');

    await form.getByLabel('New password').fill('rye and caraway 2027');
    await form.getByRole('button', { name: 'Change password' }).click();
    await form.getByRole('status').filter({ hasText: 'Other devices were signed out' }).waitFor();
    assert.equal(await form.getByLabel('Current password').inputValue(), '', 'the fields are cleared');

    // This tab carries on in its new session: a signed-in request still works after a reload.
    await page.reload();
    await page.getByRole('button', { name: `Account menu for ${account.user.username}` }).waitFor();
    await signOutThroughUi(page, account.user.username);
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: account.user.email, password: account.password },
    });
    assert.equal(refused.statusCode, 401, 'the old password no longer signs in');
    await signInThroughUi(page, { ...account, password: 'rye and caraway 2027' }, '/settings');
  });

  test('on a phone the settings page fits the screen', async () => {
    const phone = await launchBrowser(t.baseUrl, { width: 390, height: 844 });
    try {
      const small = await phone.newPage();
      await signInThroughUi(small, { ...account, password: 'rye and caraway 2027' }, '/settings');
      await small.getByRole('form', { name: 'Password' }).waitFor();
      assert.equal(await small.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true);
      await screenshot(small, 'phone-390-settings', { scale: 'css' });
    } finally {
      await phone.close();
    }
  });
});
