// A build from "New build" to passed: live status on the build page, a job's log, a log
// longer than the page keeps (trimmed, not grown), an artifact downloaded with the key, the list.
import fs from 'node:fs';
import { assert, assertContrast, baseUrl, buildTimeout, countRequests, createService, openWithKey, scenario } from '../lib.mjs';

const manifest = `driver:
  type: local
stages: [build, test]
jobs:
  - stage: build
    commands:
      - mkdir -p out
      - echo "hello from $MAGE_JOB of $MAGE_SERVICE" > out/hello.txt
      - echo "built it"
    artifacts:
      - out/hello.txt
  - stage: build
    name: noisy
    commands:
      - "i=0; while [ $i -lt 6000 ]; do echo \\"line $i of a long log, padded to be some sixty bytes long\\"; i=$((i+1)); done; echo LAST-LINE"
  - stage: test
    commands:
      - cat out/hello.txt
`;

await scenario('build-passes', async ({ page }) => {
  const service = await createService('pass');
  await openWithKey(page, `#/services/${service}`);
  await page.getByRole('heading', { level: 1, name: `Builds of ${service}` }).waitFor();

  await page.getByRole('button', { name: 'New build' }).click();
  assert.equal(await page.locator('#new-build-toggle').getAttribute('aria-expanded'), 'true');
  await page.getByLabel('Tag', { exact: true }).fill('v1.0.0');
  await page.getByLabel('Comment (optional)').fill('from the browser');
  await page.getByLabel('Manifest (optional YAML)').fill(manifest);
  await page.getByRole('button', { name: 'Start build' }).click();

  await page.waitForURL(/#\/builds\//);
  await page.getByRole('heading', { level: 1, name: 'Build #1 · v1.0.0' }).waitFor();
  await page.locator('#build-status[data-status="passed"]').waitFor({ timeout: buildTimeout });
  // A finished build is polled no more (watched while the log and artifact steps below run).
  const buildId = decodeURIComponent(page.url().split('#/builds/')[1]);
  await page.waitForTimeout(300);
  const polls = countRequests(page, `/api/builds/${buildId}`);
  assert.equal((await page.locator('#build-status').innerText()).replace(/\s+/g, ' ').trim(), 'passed · SUCCESS');
  assert.equal(await page.locator('#kill-build').isHidden(), true, 'no Kill button on a finished build');
  assert.match(await page.locator('[data-field="elapsed"]').innerText(), /^\d+(m \d\ds)?s?$|^\d+s$/);
  assert.equal(await page.locator('[data-field="comment"]').innerText(), 'from the browser');
  const announced = await page.locator('#announcer').innerText();
  assert.match(announced, /is now passed · SUCCESS|passed/, 'the status change was announced');

  // Every job passed, with its stage; the builtin setup stage comes first.
  const stages = await page.locator('section.stage').evaluateAll((els) => els.map((e) => e.dataset.stage));
  assert.deepEqual(stages, ['setup', 'build', 'test']);
  for (const job of ['build.1', 'noisy', 'test.1']) {
    assert.equal(await page.locator(`tr[data-job="${job}"]`).getAttribute('data-status'), 'passed', job);
  }

  // The log of a job.
  await page.getByRole('button', { name: 'Log of build.1' }).click();
  await page.locator('#log-panel[data-state="done"]').waitFor();
  assert.match(await page.locator('#log-output').innerText(), /built it/);
  assert.equal(await page.getByRole('button', { name: 'Log of build.1' }).getAttribute('aria-expanded'), 'true');
  assert.match(page.url(), /\?job=build\.1$/, 'the open log is in the address');

  // A log longer than the page keeps: trimmed from the front, the end always there.
  await page.getByRole('button', { name: 'Log of noisy' }).click();
  await page.locator('#log-panel[data-job="noisy"][data-state="done"]').waitFor();
  const kept = await page.locator('#log-output').evaluate((el) => el.textContent);
  assert.ok(kept.length <= 256 * 1024, `the page keeps at most 256 KiB of log, had ${kept.length}`);
  assert.ok(kept.length > 200 * 1024, `the page keeps the last 256 KiB, had ${kept.length}`);
  assert.match(kept, /LAST-LINE\s*$/);
  assert.equal(await page.locator('#log-trimmed').isVisible(), true);

  // The artifact, downloaded with the key in a header.
  const [downloadEvent] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /^Download hello\.txt \(\d+ bytes\)$/ }).click(),
  ]);
  assert.equal(downloadEvent.suggestedFilename(), 'hello.txt');
  const saved = await downloadEvent.path();
  assert.equal(fs.readFileSync(saved, 'utf8'), `hello from build.1 of ${service}\n`);

  assert.equal(await polls.stop(), 0, 'the finished build was polled again');
  await assertContrast(page, 'a passed build with its log');

  // The merge-request field as each code host fills it. This build made no merge request, so the
  // API's answer is extended in the browser with the addresses the git provider and GitLab give.
  const buildPath = `/api/builds/${buildId}`;
  const mergeRequests = {
    git: { url: `file:///srv/git/${service}.git#mage/v1.0.0`, branch: 'mage/v1.0.0' },
    gitlab: { url: `https://gitlab.example/group/${service}/-/merge_requests/7`, iid: 7, branch: 'mage/v1.0.0' },
  };
  for (const [host, mergeRequest] of Object.entries(mergeRequests)) {
    await page.unrouteAll();
    await page.route((url) => decodeURIComponent(url.pathname) === buildPath, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, json: { ...(await response.json()), mergeRequest } });
    });
    await page.reload();
    const field = page.locator('#build-meta [data-field="merge-request"]');
    await field.locator('a, code').first().waitFor();
    if (host === 'git') {
      // A browser will not open file: from a page: the address is text to copy, not a dead link.
      assert.equal(await field.locator('a').count(), 0, 'no link for a file: address');
      assert.equal(await field.locator('#merge-request-address').innerText(), mergeRequest.url);
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
      await field.getByRole('button', { name: 'Copy' }).click();
      await field.getByRole('button', { name: /^(Copied|Selected: press Ctrl\+C)$/ }).waitFor();
    } else {
      const link = field.getByRole('link', { name: '!7 (mage/v1.0.0)' });
      assert.equal(await link.getAttribute('href'), mergeRequest.url);
      assert.equal(await field.getByRole('button', { name: 'Copy' }).count(), 0);
    }
  }
  await page.unrouteAll();

  // The list: newest first, both vocabularies, filters.
  await page.getByRole('navigation', { name: 'Breadcrumbs' }).getByRole('link', { name: service }).click();
  const row = page.locator('#builds-table tbody tr').first();
  await row.waitFor();
  assert.equal(await row.getAttribute('data-status'), 'passed');
  assert.match((await row.innerText()).replace(/\s+/g, ' '), /#1 v1\.0\.0 passed · SUCCESS/);
  await assertContrast(page, 'builds');
  await page.getByLabel('Filter by status').selectOption('failed');
  await page.locator('#no-builds').waitFor();
  assert.match(page.url(), /status=failed/);
  await page.getByLabel('Filter by status').selectOption('passed');
  await page.locator('#builds-table tbody tr[data-status="passed"]').waitFor();
  await page.getByLabel('Filter by tag').fill('v9.9.9');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await page.locator('#no-builds').waitFor();
});
