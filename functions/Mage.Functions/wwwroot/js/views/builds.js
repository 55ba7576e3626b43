// A service's builds: newest first, filtered by status and tag, live; and the "New build" form.

import { json, seg } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { selectLine } from '../editor.js';
import { timeElement } from '../format.js';
import { Poller } from '../poller.js';
import { problemBox } from '../problems.js';
import { buildStatuses, chip, isFinished, statusText } from '../status.js';
import { ElapsedTicker, setElapsed } from '../ticker.js';
import { serviceHeader } from './service-header.js';

const pageSize = 25;

export function mountBuilds(main, [service], query, ctx) {
  ctx.setTitle(`Builds of ${service}`);
  const controller = new AbortController();
  const filters = { status: query.get('status') ?? '', tag: query.get('tag') ?? '' };
  const rows = new Map(); // build id → { row, status, cells }
  let firstPage = [];
  let olderPages = [];
  let continuationToken = null;
  let loadedOnce = false;

  const listArea = h('div', { id: 'build-list', 'aria-busy': 'true' }, h('p', { class: 'muted', text: 'Loading builds…' }));
  const listMessages = h('div', { id: 'build-list-messages' });
  const more = h('button', { type: 'button', class: 'button secondary', id: 'load-more', text: 'Load older builds', hidden: true });
  const tbody = h('tbody');
  const tableEl = h('div', { class: 'table-wrap' },
    h('table', { class: 'responsive', id: 'builds-table' },
      h('caption', { class: 'visually-hidden', text: `Builds of ${service}, newest first` }),
      h('thead', {}, h('tr', {}, ['Build', 'Tag', 'Status', 'Created', 'Duration', 'Comment', 'Merge request']
        .map((c) => h('th', { scope: 'col', text: c })))),
      tbody));

  const newBuild = newBuildForm(service, ctx, controller.signal);
  const toggle = h('button', {
    type: 'button', class: 'button', id: 'new-build-toggle', 'aria-expanded': 'false', 'aria-controls': 'new-build', text: 'New build',
    onclick: () => {
      const open = newBuild.section.hidden;
      newBuild.section.hidden = !open;
      toggle.setAttribute('aria-expanded', String(open));
      if (open) newBuild.tag.focus();
    },
  });

  const statusSelect = h('select', { id: 'filter-status', name: 'status' },
    h('option', { value: '', text: 'any' }),
    buildStatuses.map((s) => h('option', { value: s, text: statusText(s), selected: s === filters.status })));
  const tagInput = h('input', { type: 'search', id: 'filter-tag', name: 'tag', value: filters.tag, autocomplete: 'off', spellcheck: 'false' });
  const filterForm = h('form', { class: 'toolbar', id: 'build-filters', role: 'search', 'aria-label': 'Filter builds' },
    h('div', { class: 'field' }, h('label', { for: 'filter-status', text: 'Filter by status' }), statusSelect),
    h('div', { class: 'field' }, h('label', { for: 'filter-tag', text: 'Filter by tag' }), tagInput),
    h('button', { type: 'submit', class: 'button secondary', text: 'Apply filters' }),
    h('button', {
      type: 'button', class: 'link-button', text: 'Clear',
      onclick: () => { statusSelect.value = ''; tagInput.value = ''; filterForm.requestSubmit(); },
    }));
  filterForm.addEventListener('submit', (event) => {
    event.preventDefault();
    filters.status = statusSelect.value;
    filters.tag = tagInput.value.trim();
    const q = new URLSearchParams(Object.entries(filters).filter(([, v]) => v)).toString();
    ctx.replaceQuery(`/services/${seg(service)}${q ? `?${q}` : ''}`);
    rows.clear();
    firstPage = [];
    olderPages = [];
    loadedOnce = false;
    tbody.replaceChildren();
    replaceChildren(listArea, h('p', { class: 'muted', text: 'Loading builds…' }));
    poller.now();
  });
  statusSelect.addEventListener('change', () => filterForm.requestSubmit());

  function listUrl(token) {
    const q = new URLSearchParams({ top: String(pageSize) });
    if (filters.status) q.set('status', filters.status);
    if (filters.tag) q.set('tag', filters.tag);
    if (token) q.set('continuationToken', token);
    return `/api/services/${seg(service)}/builds?${q}`;
  }

  async function poll(signal) {
    listArea.setAttribute('aria-busy', 'true');
    const page = await json(listUrl(null), { signal });
    listMessages.replaceChildren();
    const changed = merge(page.items ?? []);
    if (!loadedOnce) continuationToken = page.continuationToken ?? null;
    loadedOnce = true;
    render();
    listArea.setAttribute('aria-busy', 'false');
    return changed;
  }

  // Keeps the first page fresh; returns true when a build appeared or changed status.
  function merge(items) {
    let changed = items.length !== firstPage.length || items.some((b, i) => firstPage[i]?.id !== b.id);
    for (const build of items) {
      const known = rows.get(build.id);
      if (known && known.status !== build.status) {
        changed = true;
        ctx.announce(`Build #${build.number} (${build.tag}) is now ${statusText(build.status)}.`);
      }
    }
    const ids = new Set(items.map((b) => b.id));
    olderPages = olderPages.filter((b) => !ids.has(b.id));
    firstPage = items;
    return changed;
  }

  function render() {
    const all = [...firstPage, ...olderPages];
    if (all.length === 0) {
      replaceChildren(listArea, h('p', { class: 'muted', id: 'no-builds', text: filters.status || filters.tag ? 'No build matches these filters.' : 'No builds yet. Press "New build" to start one.' }));
      more.hidden = true;
      return;
    }
    if (!listArea.contains(tableEl)) replaceChildren(listArea, tableEl);
    const order = all.map((b) => b.id);
    const current = [...tbody.children].map((r) => r.dataset.id);
    for (const build of all) updateRow(build);
    // Re-order only when the set or order changed, so a focused link is not pulled out of the page.
    if (order.join() !== current.join()) {
      tbody.replaceChildren(...order.map((id) => rows.get(id).row));
      for (const id of [...rows.keys()]) if (!order.includes(id)) rows.delete(id);
    }
    more.hidden = !continuationToken;
  }

  function updateRow(build) {
    let entry = rows.get(build.id);
    if (!entry) {
      const cells = {
        status: h('td', { 'data-label': 'Status' }),
        duration: h('td', { 'data-label': 'Duration', class: 'num' }),
        mr: h('td', { 'data-label': 'Merge request' }),
      };
      const row = h('tr', { dataset: { id: build.id } },
        h('td', { 'data-label': 'Build' }, h('a', { href: `#/builds/${seg(build.id)}`, text: `#${build.number}`, 'aria-label': `Build ${build.number}, tag ${build.tag}` })),
        h('td', { 'data-label': 'Tag', text: build.tag }),
        cells.status,
        h('td', { 'data-label': 'Created' }, timeElement(h, build.createdAt)),
        cells.duration,
        h('td', { 'data-label': 'Comment', text: build.comment ?? '' }),
        cells.mr);
      entry = { row, cells, status: null };
      rows.set(build.id, entry);
    }
    if (entry.status !== build.status) {
      replaceChildren(entry.cells.status, chip(build.status));
      entry.row.dataset.status = build.status;
      entry.status = build.status;
    }
    setElapsed(entry.cells.duration, build.startedAt, build.finishedAt ?? (isFinished(build.status) ? build.startedAt : null));
    const mr = build.mergeRequest;
    if (mr?.url && !entry.cells.mr.firstChild) {
      replaceChildren(entry.cells.mr, h('a', { href: mr.url, target: '_blank', rel: 'noopener noreferrer', text: mr.iid ? `!${mr.iid}` : 'open' }));
    }
  }

  more.addEventListener('click', async () => {
    more.disabled = true;
    try {
      const page = await json(listUrl(continuationToken), { signal: controller.signal });
      const known = new Set([...firstPage, ...olderPages].map((b) => b.id));
      olderPages.push(...(page.items ?? []).filter((b) => !known.has(b.id)));
      continuationToken = page.continuationToken ?? null;
      render();
      ctx.announce(`${page.items?.length ?? 0} older builds loaded.`);
    } catch (error) {
      if (error.name !== 'AbortError') listMessages.replaceChildren(problemBox(error));
    } finally {
      more.disabled = false;
    }
  });

  const poller = new Poller(poll, {
    min: 1500,
    max: 15000,
    onError: (error) => {
      listArea.setAttribute('aria-busy', 'false');
      listMessages.replaceChildren(problemBox(error));
    },
  });
  const ticker = new ElapsedTicker(listArea);

  main.append(
    ...serviceHeader(service, 'builds', `Builds of ${service}`),
    h('div', { class: 'toolbar' }, toggle),
    newBuild.section,
    filterForm,
    listMessages,
    listArea,
    h('p', {}, more));
  if (query.get('new') === '1') toggle.click();
  poller.start();
  return {
    dispose() {
      poller.stop();
      ticker.stop();
      controller.abort();
    },
  };
}

function newBuildForm(service, ctx, signal) {
  const messages = h('div', { id: 'new-build-messages' });
  const tag = h('input', { type: 'text', id: 'build-tag', name: 'tag', required: true, autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'build-tag-hint' });
  const comment = h('input', { type: 'text', id: 'build-comment', name: 'comment', autocomplete: 'off' });
  const version = h('input', { type: 'number', id: 'build-config-version', name: 'configurationVersion', min: '1', step: '1', inputmode: 'numeric' });
  const manifest = h('textarea', { id: 'build-manifest', name: 'manifest', class: 'code', rows: '12', spellcheck: 'false', 'aria-describedby': 'build-manifest-hint' });
  const submit = h('button', { type: 'submit', class: 'button', text: 'Start build' });
  // One idempotency key per attempt: pressing twice, or retrying after a lost answer, makes one build.
  let idempotencyKey = crypto.randomUUID();
  [tag, comment, version, manifest].forEach((el) => el.addEventListener('input', () => { idempotencyKey = crypto.randomUUID(); }));

  const form = h('form', { class: 'stack', id: 'new-build-form', 'aria-labelledby': 'new-build-heading' },
    h('div', { class: 'inline-fields' },
      h('div', { class: 'field' }, h('label', { for: 'build-tag', text: 'Tag' }), tag,
        h('p', { class: 'hint', id: 'build-tag-hint', text: 'For example v1.4.0; the merge request is named after it.' })),
      h('div', { class: 'field' }, h('label', { for: 'build-config-version', text: 'Configuration version (optional)' }), version)),
    h('div', { class: 'field' }, h('label', { for: 'build-comment', text: 'Comment (optional)' }), comment),
    h('div', { class: 'field' }, h('label', { for: 'build-manifest', text: 'Manifest (optional YAML)' }), manifest,
      h('p', { class: 'hint', id: 'build-manifest-hint', text: 'Leave empty to use the service\'s default manifest.' })),
    h('div', {}, submit));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    messages.replaceChildren();
    const body = { tag: tag.value.trim() };
    if (comment.value.trim()) body.comment = comment.value.trim();
    if (version.value) body.configurationVersion = Number(version.value);
    if (manifest.value.trim()) body.manifest = manifest.value;
    submit.disabled = true;
    try {
      const accepted = await json(`/api/services/${seg(service)}/builds`, {
        method: 'POST', body, signal, headers: { 'Idempotency-Key': idempotencyKey },
      });
      ctx.announce(`Build #${accepted.number} (${accepted.tag}) queued.`);
      ctx.navigate(`/builds/${seg(accepted.id)}`);
    } catch (error) {
      if (error.name === 'AbortError') return;
      const onPosition = manifest.value.trim() ? (line, column) => selectLine(manifest, line, column) : null;
      const box = problemBox(error, { heading: 'h3', onPosition });
      box.tabIndex = -1;
      messages.replaceChildren(box);
      box.focus();
    } finally {
      submit.disabled = false;
    }
  });

  const section = h('section', { id: 'new-build', 'aria-labelledby': 'new-build-heading', hidden: true },
    h('h2', { id: 'new-build-heading', text: 'New build' }),
    messages,
    form);
  return { section, tag };
}
