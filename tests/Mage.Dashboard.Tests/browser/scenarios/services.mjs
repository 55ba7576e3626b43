// Services: the list, creating with the form (201), updating (200), a refused name (400), opening one.
import { assert, assertContrast, openWithKey, scenario, unique } from '../lib.mjs';

await scenario('services', async ({ page }) => {
  await openWithKey(page);
  await page.getByRole('heading', { level: 1, name: 'Services' }).waitFor();

  const name = unique('web');
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Display name (optional)').fill('Created in the browser');
  await page.getByRole('button', { name: 'Save service' }).click();
  const notice = page.locator('#create-messages .notice');
  await notice.waitFor();
  assert.equal(await notice.innerText(), `Service ${name} created. Open ${name}`);
  const row = page.locator(`tr[data-service="${name}"]`);
  await row.waitFor();
  assert.match(await row.innerText(), /Created in the browser/);

  // The same name again updates it: the API answers 200 and the page says so.
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Display name (optional)').fill('Renamed');
  await page.getByRole('button', { name: 'Save service' }).click();
  await page.locator('#create-messages .notice', { hasText: 'updated' }).waitFor();
  await page.locator(`tr[data-service="${name}"]`, { hasText: 'Renamed' }).waitFor();

  // A name the API refuses: its problem (title, status, errors) is shown as it came.
  await page.getByLabel('Name', { exact: true }).fill('Bad_Name');
  await page.getByRole('button', { name: 'Save service' }).click();
  const problem = page.locator('#create-messages .problem');
  await problem.waitFor();
  assert.equal(await problem.getAttribute('data-status'), '400');
  assert.match(await problem.innerText(), /Bad_Name|name/i);
  await assertContrast(page, 'services with a problem');

  await page.getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: `Builds of ${name}` }).waitFor();
  await page.locator('#no-builds').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1', 'focus moves to the new page\'s heading');
});
