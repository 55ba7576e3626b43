// Keyboard only: enter the key, open a service, start a build and reach its page, with the
// focus always visible and never lost.
import { assert, baseUrl, adminKey, buildTimeout, createService, scenario } from '../lib.mjs';

await scenario('keyboard', async ({ page }) => {
  const service = await createService('keys');
  await page.goto(`${baseUrl}/#/`);

  // The key field has the focus on arrival.
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'api-key');
  await page.keyboard.type(adminKey);
  await page.keyboard.press('Enter');
  await page.locator(`tr[data-service="${service}"]`).waitFor();

  // Tab until the service's link has the focus; every stop shows a visible focus indicator.
  const focusOn = async (predicate, what, limit = 80) => {
    for (let i = 0; i < limit; i += 1) {
      await page.keyboard.press('Tab');
      const state = await page.evaluate(() => {
        const el = document.activeElement;
        const style = getComputedStyle(el);
        return {
          text: (el.getAttribute('aria-label') || el.textContent || '').trim(), id: el.id, tag: el.tagName,
          visible: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
        };
      });
      assert.ok(state.tag === 'BODY' || state.visible, `focus indicator visible on ${state.tag} "${state.text}"`);
      if (predicate(state)) return state;
    }
    throw new Error(`never reached ${what} with Tab`);
  };

  await focusOn((s) => s.tag === 'A' && s.text === service, `the link of ${service}`);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: `Builds of ${service}` }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');

  await focusOn((s) => s.id === 'new-build-toggle', 'New build');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'build-tag', 'New build puts the focus in the tag field');
  await page.keyboard.type('v-keys');
  await focusOn((s) => s.id === 'build-manifest', 'the manifest field');
  await page.keyboard.type('driver: { type: local }\nstages: [a]\njobs:\n  - { stage: a, commands: [\"echo typed\"] }\n');
  await focusOn((s) => s.tag === 'BUTTON' && s.text === 'Start build', 'Start build');
  await page.keyboard.press('Enter');
  await page.waitForURL(/#\/builds\//);
  await page.locator('#build-status[data-status="passed"]').waitFor({ timeout: buildTimeout });

  // Open the job's log from the keyboard; the focus lands on the log's heading, and Close returns it.
  await focusOn((s) => s.text === 'Log of a.1', 'the log button');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'log-heading');
  await page.locator('#log-output', { hasText: 'typed' }).waitFor();
  await focusOn((s) => s.id === 'log-close', 'Close log');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Log of a.1');
});
