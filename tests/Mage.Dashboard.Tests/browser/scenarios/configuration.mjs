// The configuration editor: a refused save shows every error at its line (a button that selects
// the line), a good save makes version 1, the next version 2; the history reads old versions back.
import { api, assert, assertContrast, createService, openWithKey, scenario } from '../lib.mjs';

const configuration = (service, emailType) => `service: ${service}
pack: aspnet-minimal-api
model:
  Customer:
    fields:
      id: { type: guid, key: true }
      email: { type: ${emailType} }
spells: [crud]
`;

await scenario('configuration', async ({ page }) => {
  const service = await createService('conf');
  await openWithKey(page, `#/services/${service}/configuration`);
  await page.getByRole('heading', { level: 1, name: `Configuration of ${service}` }).waitFor();
  await page.locator('#config-version-info', { hasText: 'No configuration saved yet.' }).waitFor();
  const editor = page.getByLabel('Configuration (YAML)');

  await editor.fill(configuration(service, 'strnig'));
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const problem = page.locator('#config-messages .problem');
  await problem.waitFor();
  assert.equal(await problem.getAttribute('data-status'), '400');
  const position = problem.getByRole('button', { name: /^Line 7, column \d+/ });
  await position.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('position')), true, 'focus goes to the first error');
  await assertContrast(page, 'a refused configuration');
  await position.click();
  const selected = await editor.evaluate((el) => ({ focused: document.activeElement === el, text: el.value.slice(el.selectionStart, el.selectionEnd) }));
  assert.deepEqual(selected, { focused: true, text: '      email: { type: strnig }' });
  assert.match(await page.locator('#config-position').innerText(), /^Line 7, column/);

  await editor.fill(configuration(service, 'string'));
  assert.equal(await page.locator('#config-dirty').innerText(), 'Unsaved changes');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.locator('#config-saved', { hasText: 'Saved as version 1.' }).waitFor();
  assert.equal(await page.locator('#config-dirty').innerText(), '');
  await page.locator('#config-versions button[data-version="1"]').waitFor();

  // Ctrl+S saves too.
  await editor.fill(configuration(service, 'string').replace('spells: [crud]', '      name: string\nspells: [crud]'));
  await editor.press('Control+s');
  await page.locator('#config-saved', { hasText: 'Saved as version 2.' }).waitFor();
  await page.locator('#config-versions button[data-version="2"][aria-current="true"]').waitFor();
  assert.deepEqual(await page.locator('#config-versions button').evaluateAll((els) => els.map((e) => e.dataset.version)), ['2', '1']);

  await page.locator('#config-versions button[data-version="1"]').click();
  await page.locator('#config-version-info', { hasText: /^Version 1/ }).waitFor();
  assert.equal(await editor.inputValue(), configuration(service, 'string'));
  assert.equal(await page.locator('#config-versions button[data-version="1"]').getAttribute('aria-current'), 'true');

  // A fresh visit shows the newest version.
  await page.reload();
  await page.locator('#config-version-info', { hasText: /^Version 2/ }).waitFor();
  assert.match(await editor.inputValue(), /name: string/);

  // A build of this service records the version it used; its page links back to that version.
  const repository = await api('PUT', `/api/services/${service}`, { repository: { provider: 'git', url: 'file:///tmp/mage-dashboard-tests-none.git' } });
  assert.equal(repository.status, 200, JSON.stringify(repository.body));
  const submitted = await api('POST', `/api/services/${service}/builds`, {
    tag: 'v-conf', configurationVersion: 1, manifest: 'driver: { type: local }\nstages: [a]\njobs:\n  - { stage: a, commands: ["true"] }\n',
  });
  assert.equal(submitted.status, 202, JSON.stringify(submitted.body));
  await page.goto(`${page.url().split('#')[0]}#/builds/${submitted.body.id}`);
  await page.locator('[data-field="configuration-version"] a', { hasText: 'version 1' }).click();
  await page.locator('#config-version-info', { hasText: /^Version 1/ }).waitFor();
  assert.equal(await editor.inputValue(), configuration(service, 'string'));
});
