// The other endings in both vocabularies: passed_with_failures · SUCCESS (a failed job in a
// stage allowed to fail) and timed_out · FAILURE (the manifest's timeout), live in the list.
import { api, assert, assertContrast, buildTimeout, createService, openWithKey, scenario } from '../lib.mjs';

const withFailures = `driver: { type: local }
stages: [build, lint]
allow_failures: [lint]
jobs:
  - { stage: build, commands: ["echo built"] }
  - { stage: lint, commands: ["echo lint fails", "exit 3"] }
`;

const tooSlow = `driver: { type: local }
timeout: 3s
stages: [wait]
jobs:
  - { stage: wait, commands: ["sleep 120"] }
`;

await scenario('statuses', async ({ page }) => {
  const service = await createService('ends');
  for (const [tag, manifest] of [['v-lint', withFailures], ['v-slow', tooSlow]]) {
    const submitted = await api('POST', `/api/services/${service}/builds`, { tag, manifest });
    assert.equal(submitted.status, 202, JSON.stringify(submitted.body));
  }
  await openWithKey(page, `#/services/${service}`);

  const chipOf = (tag) => page.locator('#builds-table tbody tr', { hasText: tag }).locator('.chip');
  await page.locator('#builds-table tbody tr[data-status="passed_with_failures"]').waitFor({ timeout: buildTimeout });
  await page.locator('#builds-table tbody tr[data-status="timed_out"]').waitFor({ timeout: buildTimeout });
  assert.equal((await chipOf('v-lint').innerText()).replace(/\s+/g, ' ').trim(), 'passed_with_failures · SUCCESS');
  assert.equal((await chipOf('v-slow').innerText()).replace(/\s+/g, ' ').trim(), 'timed_out · FAILURE');
  assert.deepEqual(await page.locator('#builds-table tbody tr').evaluateAll((rows) => rows.map((r) => r.children[1].textContent)),
    ['v-slow', 'v-lint'], 'newest first');
  await assertContrast(page, 'builds with other endings');

  await page.getByLabel('Filter by status').selectOption('timed_out');
  await page.locator('#builds-table tbody tr').first().waitFor();
  assert.deepEqual(await page.locator('#builds-table tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.status)), ['timed_out']);

  await page.getByLabel('Filter by status').selectOption('');
  await page.getByRole('link', { name: 'Build 1, tag v-lint' }).click();
  await page.locator('#build-status[data-status="passed_with_failures"]').waitFor();
  const lint = page.locator('section.stage[data-stage="lint"]');
  assert.match(await lint.innerText(), /allowed to fail/);
  assert.equal(await lint.locator('tr[data-job]').getAttribute('data-status'), 'failed');
  assert.equal(await lint.locator('td[data-label="Exit code"]').innerText(), '3');
});
