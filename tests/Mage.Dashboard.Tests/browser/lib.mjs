// Shared by the scenarios: a fresh headless Chromium, the API for seeding data, and the
// scenario runner that prints "PASS <name>" only when every step held.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export { assert };

export const baseUrl = required('DASHBOARD_URL');
export const adminKey = required('MAGE_ADMIN_KEY');
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const outputDir = process.env.SCENARIO_OUTPUT || fs.mkdtempSync(path.join(os.tmpdir(), 'mage-dash-'));

/** Seconds a scenario waits for a build to reach a status: generous, the machine may be busy. */
export const buildTimeout = 180_000;

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the scenarios through tests/Mage.Dashboard.Tests (dotnet test).`);
  return value;
}

/** A name no other scenario or run uses. */
export function unique(prefix) {
  return `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** Calls the API as the admin (or with key) and returns { status, body }. */
export async function api(method, route, body, key = adminKey) {
  const headers = { 'x-functions-key': key, accept: 'application/json' };
  let payload;
  if (body !== undefined) {
    payload = typeof body === 'string' ? body : JSON.stringify(body);
    headers['content-type'] = typeof body === 'string' ? 'application/yaml' : 'application/json';
  }
  const response = await fetch(`${baseUrl}${route}`, { method, headers, body: payload });
  const text = await response.text();
  let parsed = text;
  try { parsed = JSON.parse(text); } catch { /* plain text */ }
  return { status: response.status, body: parsed };
}

/** Creates a service through the API and returns its name. */
export async function createService(prefix = 'svc', fields = {}) {
  const name = unique(prefix);
  const { status, body } = await api('PUT', `/api/services/${name}`, { displayName: `Service ${name}`, ...fields });
  assert.equal(status, 201, `creating ${name}: ${JSON.stringify(body)}`);
  return name;
}

/** Launches Chromium with a fresh profile; returns { browser, page, downloads }. */
export async function launch(options = {}) {
  const profile = fs.mkdtempSync(path.join(outputDir, 'profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    viewport: options.viewport ?? { width: 1280, height: 900 },
    acceptDownloads: true,
    reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(60_000);
  const page = context.pages()[0] ?? await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.stack || error.message}`));
  page.on('console', (message) => {
    // A refused request is logged by Chromium itself; the scenarios check what the page shows instead.
    if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) problems.push(`console error: ${message.text()}`);
  });
  return { context, page, problems, outputDir };
}

/** Opens the dashboard at hash (e.g. "#/") and enters key in the key form. */
export async function openWithKey(page, hash = '#/', key = adminKey) {
  await page.goto(`${baseUrl}/${hash}`);
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Use this key' }).click();
  await page.locator('#key-heading').waitFor({ state: 'detached' });
}

/** Polls fn until it returns a truthy value, or fails with message after timeout ms. */
export async function eventually(fn, message, timeout = 60_000) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    try {
      last = await fn();
      if (last) return last;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${message} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
}

/**
 * Counts the requests whose path is exactly path from now on; stop() returns the count after
 * at least ms milliseconds, long enough for the slowest poll to have come.
 */
export function countRequests(page, path) {
  const started = Date.now();
  let count = 0;
  const listener = (request) => {
    if (new URL(request.url()).pathname === path) count += 1;
  };
  page.on('request', listener);
  return {
    async stop(ms = 7_000) {
      const left = ms - (Date.now() - started);
      if (left > 0) await new Promise((r) => setTimeout(r, left));
      page.off('request', listener);
      return count;
    },
  };
}

/**
 * Fails when any visible text has less than 4.5:1 contrast (WCAG AA) against the first opaque
 * background behind it. Disabled controls are exempt, as WCAG allows.
 */
export async function assertContrast(page, what) {
  const failures = await page.evaluate(() => {
    const parse = (value) => {
      const m = value.match(/rgba?\(([^)]+)\)/);
      if (!m) return null;
      const [r, g, b, a = 1] = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
      return { r, g, b, a };
    };
    const channel = (v) => {
      const x = v / 255;
      return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    };
    const luminance = ({ r, g, b }) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    const background = (el) => {
      for (let e = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c && c.a > 0.5) return c;
      }
      return { r: 255, g: 255, b: 255, a: 1 };
    };
    const found = [];
    const seen = new Set();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const el = walker.currentNode.parentElement;
      const text = walker.currentNode.textContent.trim();
      if (!text || !el || seen.has(el)) continue;
      seen.add(el);
      if (el.closest('[hidden], .visually-hidden, :disabled, option, noscript') || el.getClientRects().length === 0) continue;
      const fg = parse(getComputedStyle(el).color);
      const l1 = luminance(fg);
      const l2 = luminance(background(el));
      const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
      if (ratio < 4.5) found.push(`${el.tagName.toLowerCase()}.${el.className} "${text.slice(0, 40)}": ${ratio.toFixed(2)}:1`);
    }
    return found;
  });
  assert.deepEqual(failures, [], `${what}: text below 4.5:1 contrast`);
}

/** Runs a scenario: prints "PASS name" when body resolves and the page logged no error; else the error, exit code 1. */
export async function scenario(name, body) {
  let session;
  const started = Date.now();
  try {
    session = await launch(name === 'narrow' ? { viewport: { width: 360, height: 740 } } : {});
    await body(session);
    assert.deepEqual(session.problems, [], 'the page logged errors');
    console.log(`PASS ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (error) {
    process.exitCode = 1;
    console.error(`FAIL ${name}: ${error.stack || error}`);
    if (session) {
      console.error(`page: ${session.page.url()}`);
      console.error(session.problems.join('\n'));
      const text = await session.page.locator('main').innerText().catch(() => '(no main)');
      console.error(`main text:\n${text.slice(0, 4000)}`);
    }
  } finally {
    await session?.context.close().catch(() => {});
  }
}
