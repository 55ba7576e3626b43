// A long build: its job's log follows live (new lines appear while the job runs, without a
// reload), then Kill stops it and the page shows "killed" without a reload.
import { api, assert, assertContrast, buildTimeout, countRequests, createService, eventually, openWithKey, scenario } from '../lib.mjs';

const manifest = `driver: { type: local }
stages: [wait]
jobs:
  - stage: wait
    name: ticker
    commands:
      - "i=0; while [ $i -lt 600 ]; do echo tick-$i; i=$((i+1)); sleep 1; done"
`;

await scenario('kill', async ({ page }) => {
  const service = await createService('kill');
  const submitted = await api('POST', `/api/services/${service}/builds`, { tag: 'v-long', manifest });
  assert.equal(submitted.status, 202, JSON.stringify(submitted.body));
  await openWithKey(page, `#/builds/${submitted.body.id}`);

  await page.locator('tr[data-job="ticker"][data-status="running"]').waitFor({ timeout: buildTimeout });
  assert.equal(await page.locator('#build-status').getAttribute('data-status'), 'running');
  assert.match((await page.locator('#build-status').innerText()).replace(/\s+/g, ' '), /running · RUNNING/);

  await page.getByRole('button', { name: 'Log of ticker' }).click();
  await page.locator('#log-panel[data-state="following"]').waitFor();
  await page.locator('#log-output', { hasText: 'tick-1' }).waitFor();
  const before = await page.locator('#log-output').innerText();
  const seen = (text) => (text.match(/^tick-\d+$/gm) ?? []).length;
  // Following, not re-fetching: later lines arrive in the same view while the job still runs.
  await eventually(async () => seen(await page.locator('#log-output').innerText()) >= seen(before) + 2, 'new log lines appear live');
  assert.equal(await page.locator('#log-panel').getAttribute('data-state'), 'following');
  await assertContrast(page, 'a running build');

  // Leaving the page ends its polling and its log stream: no timer or request left behind.
  const id = submitted.body.id;
  await page.getByRole('navigation', { name: 'Breadcrumbs' }).getByRole('link', { name: service }).click();
  await page.locator('#builds-table tbody tr[data-status="running"]').waitFor();
  const polls = countRequests(page, `/api/builds/${id}`);
  const logReads = countRequests(page, `/api/builds/${id}/jobs/ticker/log`);
  assert.equal(await polls.stop(), 0, 'the build page kept polling after it was left');
  assert.equal(await logReads.stop(0), 0, 'the log was read after its page was left');

  // Back again: the address kept the open log, which follows again from the start.
  await page.goBack();
  await page.locator('#log-panel[data-job="ticker"][data-state="following"]').waitFor();
  await page.locator('#log-output', { hasText: 'tick-0' }).waitFor();

  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: 'Kill build' }).click();
  await page.locator('#build-status[data-status="killed"]').waitFor({ timeout: buildTimeout });
  assert.match((await page.locator('#build-status').innerText()).replace(/\s+/g, ' '), /killed · FAILURE/);
  await page.locator('#kill-build').waitFor({ state: 'hidden' });
  assert.equal(await page.locator('tr[data-job="ticker"]').getAttribute('data-status'), 'killed');
  await page.locator('#log-panel[data-state="done"]').waitFor();
  await assertContrast(page, 'a killed build');

  // The builds list shows it too, in both words.
  await page.getByRole('navigation', { name: 'Breadcrumbs' }).getByRole('link', { name: service }).click();
  const row = page.locator('#builds-table tbody tr').first();
  await row.waitFor();
  assert.match((await row.innerText()).replace(/\s+/g, ' '), /killed · FAILURE/);
});
