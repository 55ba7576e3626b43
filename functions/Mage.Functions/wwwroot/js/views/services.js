// Services: the list (what the key may see) and a form to create or update one (admin key).

import { json, request, seg } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { problemBox } from '../problems.js';

export function mountServices(main, params, query, ctx) {
  ctx.setTitle('Services');
  const controller = new AbortController();
  const list = h('div', { id: 'service-list', 'aria-busy': 'true' }, h('p', { class: 'muted', text: 'Loading services…' }));
  const createMessages = h('div', { id: 'create-messages' });

  async function load() {
    list.setAttribute('aria-busy', 'true');
    try {
      const answer = await json('/api/services', { signal: controller.signal });
      replaceChildren(list, table(answer.items ?? []));
    } catch (error) {
      if (error.name !== 'AbortError') replaceChildren(list, problemBox(error));
    } finally {
      list.setAttribute('aria-busy', 'false');
    }
  }

  const form = createForm(async (name, body, submit) => {
    createMessages.replaceChildren();
    submit.disabled = true;
    try {
      const response = await request(`/api/services/${seg(name)}`, { method: 'PUT', body, signal: controller.signal });
      const created = response.status === 201;
      const message = `Service ${name} ${created ? 'created' : 'updated'}.`;
      createMessages.replaceChildren(h('p', { class: 'notice', role: 'status' }, `${message} `,
        h('a', { href: `#/services/${seg(name)}`, text: `Open ${name}` })));
      ctx.announce(message);
      form.reset();
      await load();
    } catch (error) {
      if (error.name !== 'AbortError') {
        createMessages.replaceChildren(problemBox(error, { heading: 'h3' }));
        createMessages.querySelector('.problem')?.setAttribute('tabindex', '-1');
        createMessages.querySelector('.problem')?.focus();
      }
    } finally {
      submit.disabled = false;
    }
  });

  main.append(
    h('h1', { text: 'Services' }),
    list,
    h('section', { 'aria-labelledby': 'create-heading' },
      h('h2', { id: 'create-heading', text: 'Create or update a service' }),
      h('p', { class: 'hint', text: 'Needs the admin key. Saving an existing name updates it.' }),
      createMessages,
      form));
  load();
  return { dispose: () => controller.abort() };
}

function table(services) {
  if (services.length === 0) {
    return h('p', { class: 'muted', text: 'No services yet. Create one below.' });
  }
  return h('div', { class: 'table-wrap' },
    h('table', { class: 'responsive' },
      h('caption', { class: 'visually-hidden', text: 'Services' }),
      h('thead', {}, h('tr', {}, ['Service', 'Display name', 'Repository', 'Pages'].map((c) => h('th', { scope: 'col', text: c })))),
      h('tbody', {}, services.map((s) => h('tr', { dataset: { service: s.name } },
        h('td', { 'data-label': 'Service' }, h('a', { href: `#/services/${seg(s.name)}`, text: s.name })),
        h('td', { 'data-label': 'Display name', text: s.displayName ?? '' }),
        h('td', { 'data-label': 'Repository', text: repository(s.repository) }),
        h('td', { 'data-label': 'Pages' },
          h('a', { href: `#/services/${seg(s.name)}`, text: 'Builds', 'aria-label': `Builds of ${s.name}` }), ' · ',
          h('a', { href: `#/services/${seg(s.name)}/configuration`, text: 'Configuration', 'aria-label': `Configuration of ${s.name}` })))))));
}

function repository(r) {
  if (!r) return '—';
  const where = [r.provider, r.project || r.url, r.targetBranch && `→ ${r.targetBranch}`].filter(Boolean).join(' ');
  return r.tokenSet ? `${where} (token set)` : where;
}

function field(id, label, control, hint) {
  return h('div', { class: 'field' },
    h('label', { for: id, text: label }),
    control,
    hint ? h('p', { class: 'hint', id: `${id}-hint`, text: hint }) : null);
}

function createForm(onSubmit) {
  const name = h('input', { type: 'text', id: 'service-name', name: 'name', required: true, autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'service-name-hint' });
  const displayName = h('input', { type: 'text', id: 'service-display-name', name: 'displayName', autocomplete: 'off' });
  const provider = h('select', { id: 'repo-provider', name: 'provider' },
    h('option', { value: '', text: 'none' }), h('option', { value: 'gitlab', text: 'GitLab' }), h('option', { value: 'git', text: 'git (push a branch)' }));
  const url = h('input', { type: 'text', id: 'repo-url', name: 'url', autocomplete: 'off', spellcheck: 'false' });
  const project = h('input', { type: 'text', id: 'repo-project', name: 'project', autocomplete: 'off', spellcheck: 'false' });
  const targetBranch = h('input', { type: 'text', id: 'repo-branch', name: 'targetBranch', autocomplete: 'off', spellcheck: 'false' });
  const token = h('input', { type: 'password', id: 'repo-token', name: 'token', autocomplete: 'new-password', 'aria-describedby': 'repo-token-hint' });
  const manifest = h('textarea', { id: 'service-manifest', name: 'defaultManifest', class: 'code', rows: '10', spellcheck: 'false', 'aria-describedby': 'service-manifest-hint' });
  const submit = h('button', { type: 'submit', class: 'button', text: 'Save service' });

  const form = h('form', { class: 'stack', id: 'create-service' },
    field('service-name', 'Name', name, 'Lower-case letters, digits and dashes; starts with a letter or digit (at most 63).'),
    field('service-display-name', 'Display name (optional)', displayName),
    h('fieldset', {},
      h('legend', { text: 'Repository for merge requests (optional)' }),
      h('div', { class: 'inline-fields' },
        field('repo-provider', 'Provider', provider),
        field('repo-branch', 'Target branch', targetBranch)),
      field('repo-url', 'URL', url),
      field('repo-project', 'Project (GitLab path or id)', project),
      field('repo-token', 'Token', token, 'Write-only: it is never shown again. Leave empty to keep the current one.')),
    field('service-manifest', 'Default manifest (optional YAML)', manifest, 'Used by builds submitted without a manifest.'),
    h('div', {}, submit));

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const body = { displayName: displayName.value.trim() || null, defaultManifest: manifest.value.trim() ? manifest.value : null };
    if (provider.value) {
      body.repository = {
        provider: provider.value,
        url: url.value.trim() || null,
        project: project.value.trim() || null,
        targetBranch: targetBranch.value.trim() || null,
      };
      if (token.value) body.repository.token = token.value;
    }
    onSubmit(name.value.trim(), body, submit);
  });
  return form;
}
