// Steps of the web app that tests and the screenshot script share.
import type { Page } from 'playwright-core';

/** Signs in through the app: OAuth with PKCE, the server's sign-in and consent pages, back to home. */
export async function signIn(p: Page, base: string, username: string, password: string): Promise<void> {
  await p.goto(base + '/');
  await p.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
  await p.waitForURL(/\/auth\/sign_in/);
  await p.getByLabel('Username or e-mail address').fill(username);
  await p.getByLabel('Password').fill(password);
  await p.getByRole('button', { name: 'Sign in' }).click();
  await p.getByRole('button', { name: 'Authorize' }).click();
  // Back in the app, signed in: the compose button is there at every width.
  await p.waitForURL((url) => !/^\/(oauth|auth)\//.test(url.pathname));
  await p.getByRole('button', { name: 'Compose' }).first().waitFor();
}

export async function post(p: Page, text: string): Promise<void> {
  await p.getByRole('textbox', { name: "What's on your mind?" }).fill(text);
  await p.getByRole('button', { name: 'Post', exact: true }).click();
  await p.getByRole('article').filter({ hasText: text }).first().waitFor();
}
