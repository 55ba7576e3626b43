// A service's configuration: a YAML editor, Save (a new version each time), validation
// messages at their line, and the version history.

import { ApiError, json, request, seg } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { selectLine } from '../editor.js';
import { bytes, dateTime } from '../format.js';
import { problemBox } from '../problems.js';
import { serviceHeader } from './service-header.js';

export function mountConfiguration(main, [service], query, ctx) {
  ctx.setTitle(`Configuration of ${service}`);
  const controller = new AbortController();
  const base = `/api/services/${seg(service)}/configuration`;
  let latest = null; // { version, savedAt, sha256 } of the newest saved version
  let shownVersion = null;
  let savedText = '';

  const editor = h('textarea', {
    id: 'config-editor', name: 'configuration', class: 'code', rows: '24', spellcheck: 'false',
    autocapitalize: 'off', autocomplete: 'off', 'aria-describedby': 'config-hint config-position',
  });
  const position = h('span', { id: 'config-position', class: 'hint', text: 'Line 1, column 1' });
  const dirty = h('span', { id: 'config-dirty', class: 'hint' });
  const messages = h('div', { id: 'config-messages' });
  const versionInfo = h('p', { id: 'config-version-info', class: 'muted' });
  const save = h('button', { type: 'submit', class: 'button', id: 'config-save', text: 'Save' });
  const versions = h('ol', { class: 'versions', id: 'config-versions', reversed: true });

  const form = h('form', { class: 'stack', id: 'config-form', 'aria-label': 'Configuration editor' },
    h('div', { class: 'field' },
      h('label', { for: 'config-editor', id: 'config-label', text: 'Configuration (YAML)' }),
      editor,
      h('p', { class: 'hint', id: 'config-hint', text: 'Save stores a new version (Ctrl+S also saves). Builds use the newest one unless they name a version.' }),
      h('p', { class: 'toolbar' }, position, dirty)),
    h('div', { class: 'toolbar' }, save));

  function updatePosition() {
    const before = editor.value.slice(0, editor.selectionStart);
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    position.textContent = `Line ${line}, column ${column}`;
  }
  ['keyup', 'click', 'select', 'focus'].forEach((e) => editor.addEventListener(e, updatePosition));
  editor.addEventListener('input', () => {
    dirty.textContent = editor.value === savedText ? '' : 'Unsaved changes';
  });
  editor.addEventListener('keydown', (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    save.disabled = true;
    messages.replaceChildren();
    try {
      const saved = await json(base, {
        method: 'PUT', body: editor.value, signal: controller.signal, headers: { 'content-type': 'application/yaml' },
      });
      savedText = editor.value;
      dirty.textContent = '';
      const text = `Saved as version ${saved?.version ?? '?'}.`;
      const warnings = Array.isArray(saved?.warnings) ? saved.warnings : [];
      messages.replaceChildren(h('p', { class: 'notice', role: 'status', id: 'config-saved', text }),
        warnings.length ? warningList(warnings) : null);
      ctx.announce(text);
      latest = saved;
      show(saved);
      await loadVersions();
    } catch (error) {
      if (error.name === 'AbortError') return;
      const box = problemBox(error, { onPosition: (line, column) => selectLine(editor, line, column) });
      box.tabIndex = -1;
      messages.replaceChildren(box);
      // Straight to the first problem when there is one with a line; otherwise to the message.
      const first = box.querySelector('button.position');
      (first ?? box).focus();
    } finally {
      save.disabled = false;
    }
  });

  function show(meta) {
    shownVersion = meta?.version ?? null;
    versionInfo.textContent = meta?.version
      ? `Version ${meta.version}${meta.savedAt ? `, saved ${dateTime(meta.savedAt)}` : ''}${latest?.version && meta.version !== latest.version ? ` (newest is ${latest.version}; saving makes this text the newest)` : ''}.`
      : 'No configuration saved yet.';
    for (const button of versions.querySelectorAll('button')) {
      button.setAttribute('aria-current', String(Number(button.dataset.version) === shownVersion));
    }
  }

  async function loadVersion(version, focusEditor) {
    messages.replaceChildren();
    try {
      const response = await request(version ? `${base}?version=${version}` : base, { signal: controller.signal, headers: { accept: 'application/yaml, application/json, text/plain' } });
      const { text, meta } = await readConfiguration(response);
      editor.value = text;
      savedText = text;
      dirty.textContent = '';
      if (!version) latest = meta;
      show(meta);
      if (focusEditor) editor.focus();
      return true;
    } catch (error) {
      if (error.name === 'AbortError') return false;
      if (error instanceof ApiError && error.status === 404 && !version) {
        show(null);
        return false;
      }
      messages.replaceChildren(problemBox(error));
      return false;
    }
  }

  async function loadVersions() {
    let items = null;
    try {
      const answer = await json(`${base}/versions`, { signal: controller.signal });
      items = Array.isArray(answer) ? answer : answer?.items ?? null;
    } catch (error) {
      if (error.name === 'AbortError') return;
      // No list route: every version from 1 to the newest can still be read with ?version=N.
    }
    if (!items) {
      const newest = latest?.version ?? 0;
      items = Array.from({ length: newest }, (_, i) => ({ version: newest - i }));
    }
    items = [...items].sort((a, b) => b.version - a.version);
    replaceChildren(versions, items.length === 0 ? h('li', { class: 'muted', text: 'None yet.' }) : items.map((v) => h('li', {},
      h('button', {
        type: 'button', class: 'link-button', dataset: { version: String(v.version) }, 'aria-current': String(v.version === shownVersion),
        text: `Version ${v.version}${v.savedAt ? ` · ${dateTime(v.savedAt)}` : ''}${v.size !== undefined ? ` · ${bytes(v.size)}` : ''}`,
        onclick: () => loadVersion(v.version === latest?.version ? null : v.version, true),
      }))));
  }

  function warningList(warnings) {
    return h('div', { class: 'notice', id: 'config-warnings' },
      h('p', { text: `${warnings.length} warning${warnings.length === 1 ? '' : 's'}:` }),
      h('ul', {}, warnings.map((w) => h('li', {},
        w.line > 0 ? h('button', {
          type: 'button', class: 'link-button position', 'aria-label': `Line ${w.line}, column ${w.column || 1}: go to this line`,
          text: `${w.line}:${w.column || 1}`, onclick: () => selectLine(editor, w.line, w.column || 1),
        }) : null,
        ` ${w.path ? `${w.path}: ` : ''}${w.message}`))));
  }

  main.append(
    ...serviceHeader(service, 'configuration', `Configuration of ${service}`),
    h('div', { class: 'editor-layout' },
      h('div', {}, versionInfo, messages, form),
      h('aside', { 'aria-labelledby': 'versions-heading' },
        h('h2', { id: 'versions-heading', text: 'Version history' }),
        versions)));

  (async () => {
    const wanted = Number(query.get('version')) || null;
    await loadVersion(null, false);
    if (wanted && wanted !== latest?.version) await loadVersion(wanted, false);
    await loadVersions();
  })();
  return { dispose: () => controller.abort() };
}

// The text exactly as saved (YAML or JSON), its version and hash in headers.
async function readConfiguration(response) {
  const text = await response.text();
  const version = Number(response.headers.get('x-mage-configuration-version')) || null;
  const modified = response.headers.get('last-modified');
  const savedAt = modified && !Number.isNaN(Date.parse(modified)) ? new Date(modified).toISOString() : null;
  return { text, meta: { version, savedAt, sha256: response.headers.get('x-mage-configuration-sha256') } };
}
