// Problems from the build trigger, shown as they come: 400 with every error at its line (a
// button that selects the line in the manifest), 422 naming the missing prerequisite (a driver not
// enabled; no manifest and no saved configuration).
import { assert, assertContrast, createService, openWithKey, scenario } from '../lib.mjs';

await scenario('build-problems', async ({ page }) => {
  const service = await createService('prob');
  await openWithKey(page, `#/services/${service}?new=1`);
  const manifestBox = page.getByLabel('Manifest (optional YAML)');
  await page.getByLabel('Tag', { exact: true }).fill('v1');
  await manifestBox.fill('driver: { type: local }\nstages: [a]\njobs:\n  - { stage: b, commands: [x] }\n');
  await page.getByRole('button', { name: 'Start build' }).click();
  const problem = page.locator('#new-build-messages .problem');
  await problem.waitFor();
  assert.equal(await problem.getAttribute('data-status'), '400');
  assert.match(await problem.innerText(), /not listed in stages/);
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('problem')), true, 'focus moves to the problem');
  const position = problem.getByRole('button', { name: /^Line 4, column \d+/ });
  await position.click();
  const selection = await manifestBox.evaluate((el) => ({ focused: document.activeElement === el, text: el.value.slice(el.selectionStart, el.selectionEnd) }));
  assert.deepEqual(selection, { focused: true, text: '  - { stage: b, commands: [x] }' });

  await manifestBox.fill('driver: { type: docker, image: golang, workspace: /go }\nstages: [a]\njobs:\n  - { stage: a, commands: [x] }\n');
  await page.getByRole('button', { name: 'Start build' }).click();
  await page.locator('#new-build-messages .problem[data-status="422"]').waitFor();
  await assertContrast(page, 'a 422 problem');
  assert.match(await problem.innerText(), /Missing prerequisite \(422\)[\s\S]*driver docker is not enabled on this deployment/);

  await manifestBox.fill('');
  await page.getByRole('button', { name: 'Start build' }).click();
  // No manifest and no saved configuration: the 422 names what is missing and how to fix it.
  await page.locator('#new-build-messages .problem[data-status="422"]', { hasText: 'configuration' }).waitFor();
  assert.match(await problem.innerText(), new RegExp(`service ${service} has no saved configuration`));
  assert.match(page.url(), new RegExp(`#/services/${service}`), 'still on the builds page');
});
