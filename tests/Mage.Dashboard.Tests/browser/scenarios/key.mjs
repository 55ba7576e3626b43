// The key: a wrong one is refused with the API's 401 problem; a service key sees only its
// service and gets the API's 403 for admin routes; the key lives in sessionStorage only; "Forget key".
import { api, assert, baseUrl, createService, openWithKey, scenario } from '../lib.mjs';

await scenario('key', async ({ page }) => {
  await page.goto(`${baseUrl}/`);
  await page.getByLabel('API key').waitFor();
  // Nothing absent is printed: a missing notice once showed as a line "null".
  const firstVisit = await page.locator('main').innerText();
  assert.ok(!/^\s*(null|undefined)\s*$/m.test(firstVisit), `the key form shows a stray line:\n${firstVisit}`);
  await page.getByLabel('API key').fill('not-a-key');
  await page.getByRole('button', { name: 'Use this key' }).click();
  const problem = page.locator('#key-messages .problem');
  await problem.waitFor();
  assert.equal(await problem.getAttribute('data-status'), '401');
  assert.match(await problem.innerText(), /A valid key is required/);

  const mine = await createService('mine');
  const other = await createService('other');
  const created = await api('POST', `/api/services/${mine}/keys`, {});
  assert.equal(created.status, 201, JSON.stringify(created.body));
  await openWithKey(page, '#/', created.body.key);
  await page.locator(`tr[data-service="${mine}"]`).waitFor();
  assert.equal(await page.locator(`tr[data-service="${other}"]`).count(), 0, 'a service key sees only its service');
  assert.equal(await page.evaluate(() => sessionStorage.getItem('mage.apiKey')), created.body.key);
  assert.equal(await page.evaluate(() => localStorage.length), 0, 'nothing in localStorage');
  assert.ok(!page.url().includes(created.body.key), 'the key is not in the address');

  await page.getByLabel('Name', { exact: true }).fill('not-allowed');
  await page.getByRole('button', { name: 'Save service' }).click();
  await page.locator('#create-messages .problem[data-status="403"]').waitFor();
  assert.match(await page.locator('#create-messages .problem').innerText(), /needs the admin key/);

  await page.getByRole('button', { name: 'Forget key' }).click();
  await page.getByLabel('API key').waitFor();
  assert.equal(await page.evaluate(() => sessionStorage.getItem('mage.apiKey')), null);
  assert.match(await page.locator('main').innerText(), /forgotten/);
});
