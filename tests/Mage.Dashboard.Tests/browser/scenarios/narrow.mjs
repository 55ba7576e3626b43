// A narrow screen (360 px): every page fits without sideways scrolling, tables become cards,
// and the controls stay reachable.
import { api, assert, buildTimeout, createService, openWithKey, scenario } from '../lib.mjs';

await scenario('narrow', async ({ page }) => {
  const service = await createService('narrow-service-with-a-long-name');
  const submitted = await api('POST', `/api/services/${service}/builds`, {
    tag: 'v1.2.3-with-a-rather-long-suffix',
    comment: 'A comment long enough to wrap on a narrow screen rather than push the page sideways',
    manifest: 'driver: { type: local }\nstages: [a]\njobs:\n  - { stage: a, name: a-job-with-a-long-name, commands: ["mkdir -p out", "echo x > out/an-artifact-with-a-long-file-name.txt"], artifacts: [out/an-artifact-with-a-long-file-name.txt] }\n',
  });
  assert.equal(submitted.status, 202, JSON.stringify(submitted.body));

  const fits = async (what) => {
    const sizes = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, view: window.innerWidth }));
    assert.ok(sizes.scroll <= sizes.view, `${what}: the page is ${sizes.scroll}px wide in a ${sizes.view}px window`);
  };

  await openWithKey(page, '#/');
  await page.locator(`tr[data-service="${service}"]`).waitFor();
  await fits('services');
  // Rows are cards: the column names are shown beside each value, the header row is hidden.
  assert.equal(await page.locator(`tr[data-service="${service}"]`).evaluate((el) => getComputedStyle(el).display), 'block');

  await page.goto(`${page.url().split('#')[0]}#/builds/${submitted.body.id}`);
  await page.locator('#build-status[data-status="passed"]').waitFor({ timeout: buildTimeout });
  await fits('build');
  await page.getByRole('button', { name: 'Log of a-job-with-a-long-name' }).click();
  await page.locator('#log-panel[data-state="done"]').waitFor();
  await fits('build with its log');
  await page.getByRole('button', { name: /^Download an-artifact-with-a-long-file-name\.txt/ }).waitFor();

  await page.goto(`${page.url().split('#')[0]}#/services/${service}`);
  await page.locator('#builds-table tbody tr').first().waitFor();
  await page.getByRole('button', { name: 'New build' }).click();
  await fits('builds with the New build form');
  const box = await page.getByRole('button', { name: 'Start build' }).boundingBox();
  assert.ok(box && box.x >= 0 && box.x + box.width <= 360, 'Start build is inside the window');
});
