// One build: status, stages and jobs live, each job's log, artifacts, the merge request, Kill.

import { json, request, seg } from '../api.js';
import { h, replaceChildren } from '../dom.js';
import { download } from '../download.js';
import { bytes, timeElement } from '../format.js';
import { Poller } from '../poller.js';
import { problemBox } from '../problems.js';
import { chip, isFinished, statusText } from '../status.js';
import { ElapsedTicker, setElapsed } from '../ticker.js';
import { LogViewer } from './log-viewer.js';
import { mergeRequestView } from './merge-request.js';

export function mountBuild(main, [id], query, ctx) {
  ctx.setTitle(`Build ${id}`);
  const controller = new AbortController();
  const logs = new LogViewer(id, ctx.announce);
  let build = null;
  let shape = '';
  let wantedJob = query.get('job');
  const jobRows = new Map(); // job name → { row, cells, status, artifactKey }

  const crumbs = h('nav', { class: 'breadcrumbs', 'aria-label': 'Breadcrumbs' }, h('a', { href: '#/', text: 'Services' }));
  const heading = h('h1', { text: `Build ${id}` });
  const statusBox = h('div', { id: 'build-status', tabindex: '-1', 'aria-label': 'Build status' });
  const messages = h('div', { id: 'build-messages' });
  const pollMessages = h('div', { id: 'build-poll-messages' });
  const killButton = h('button', { type: 'button', class: 'button danger', id: 'kill-build', text: 'Kill build', hidden: true });
  const meta = {};
  const metaList = h('dl', { class: 'meta', id: 'build-meta' },
    ['Service', 'Tag', 'Created', 'Started', 'Finished', 'Elapsed', 'Configuration version', 'Comment', 'Merge request', 'Error'].map((label) => {
      const dd = h('dd', { dataset: { field: label.toLowerCase().replaceAll(' ', '-') } });
      meta[label] = dd;
      return [h('dt', { text: label }), dd];
    }));
  const stagesArea = h('div', { id: 'stages', 'aria-busy': 'true' }, h('p', { class: 'muted', text: 'Loading…' }));
  const manifestText = h('pre', { class: 'log-output', id: 'build-manifest-text', tabindex: '0' });
  const manifestDetails = h('details', { id: 'build-manifest' }, h('summary', { text: 'Manifest as submitted' }), manifestText);
  manifestDetails.addEventListener('toggle', async () => {
    if (!manifestDetails.open || manifestText.dataset.loaded) return;
    try {
      manifestText.textContent = await json(`/api/builds/${seg(id)}/manifest`, { signal: controller.signal, headers: { accept: 'application/yaml, text/plain' } });
      manifestText.dataset.loaded = 'true';
    } catch (error) {
      if (error.name !== 'AbortError') replaceChildren(manifestText, problemBox(error, { heading: 'h3' }));
    }
  });

  logs.onClose = () => {
    const name = logs.job?.name;
    logs.close();
    updateLogButtons();
    ctx.replaceQuery(`/builds/${seg(id)}`);
    if (name) jobRows.get(name)?.cells.logButton.focus();
  };

  killButton.addEventListener('click', async () => {
    if (!window.confirm(`Kill build #${build?.number ?? id}? Running jobs are stopped.`)) return;
    killButton.disabled = true;
    messages.replaceChildren();
    try {
      await request(`/api/builds/${seg(id)}/kill`, { method: 'POST', signal: controller.signal });
      ctx.announce('Kill requested.');
      messages.replaceChildren(h('p', { class: 'notice', role: 'status', text: 'Kill requested; the build stops in a few seconds.' }));
      poller.now();
    } catch (error) {
      if (error.name !== 'AbortError') messages.replaceChildren(problemBox(error));
      killButton.disabled = false;
    }
  });

  async function poll(signal) {
    const next = await json(`/api/builds/${seg(id)}`, { signal });
    pollMessages.replaceChildren();
    const changed = JSON.stringify(next) !== JSON.stringify(build);
    const previous = build;
    build = next;
    if (changed) render(previous);
    if (!isFinished(next.status)) return changed;
    // A finished build changes no more: no more polling, no more ticking.
    ticker.tick();
    ticker.stop();
    return 'stop';
  }

  function render(previous) {
    const b = build;
    ctx.setTitle(`Build #${b.number} ${b.tag} (${b.status})`);
    heading.textContent = `Build #${b.number} · ${b.tag}`;
    replaceChildren(crumbs, h('a', { href: '#/', text: 'Services' }), ' › ',
      h('a', { href: `#/services/${seg(b.service)}`, text: b.service }), ' › ', h('span', { text: `#${b.number}` }));
    if (previous?.status !== b.status) {
      replaceChildren(statusBox, chip(b.status, { large: true }));
      statusBox.dataset.status = b.status;
      if (previous) ctx.announce(`Build #${b.number} is now ${statusText(b.status)}.`);
    }

    const running = !isFinished(b.status);
    if (!running && !killButton.hidden && document.activeElement === killButton) statusBox.focus();
    killButton.hidden = !running;
    killButton.disabled = false;

    replaceChildren(meta.Service, h('a', { href: `#/services/${seg(b.service)}`, text: b.service }));
    meta.Tag.textContent = b.tag;
    replaceChildren(meta.Created, timeElement(h, b.createdAt));
    replaceChildren(meta.Started, timeElement(h, b.startedAt) || '—');
    replaceChildren(meta.Finished, timeElement(h, b.finishedAt) || '—');
    setElapsed(meta.Elapsed, b.startedAt, b.finishedAt);
    replaceChildren(meta['Configuration version'], b.configurationVersion
      ? h('a', { href: `#/services/${seg(b.service)}/configuration?version=${b.configurationVersion}`, text: `version ${b.configurationVersion}` })
      : '—');
    meta.Comment.textContent = b.comment ?? '—';
    meta.Error.textContent = b.error ?? '—';
    // Re-rendered on every poll only when the address changes, so a pressed Copy keeps its "Copied".
    const mrUrl = b.mergeRequest?.url ?? '';
    if (meta['Merge request'].dataset.url !== mrUrl) {
      meta['Merge request'].dataset.url = mrUrl;
      replaceChildren(meta['Merge request'], mergeRequestView(b.mergeRequest, ctx.announce));
    }

    renderStages(b);
    if (wantedJob) {
      const job = findJob(wantedJob);
      wantedJob = null;
      if (job) openLog(job, false);
    }
    for (const stage of b.stages ?? []) for (const job of stage.jobs) logs.update(job);
  }

  function findJob(name) {
    for (const stage of build?.stages ?? []) for (const job of stage.jobs) if (job.name === name) return job;
    return null;
  }

  function renderStages(b) {
    const nextShape = (b.stages ?? []).map((s) => `${s.name}:${s.jobs.map((j) => j.name).join(',')}`).join('|');
    if (nextShape !== shape) {
      shape = nextShape;
      jobRows.clear();
      replaceChildren(stagesArea, (b.stages ?? []).length === 0
        ? h('p', { class: 'muted', text: 'No jobs.' })
        : b.stages.map((stage, index) => stageSection(stage, index)));
    }
    stagesArea.setAttribute('aria-busy', 'false');
    (b.stages ?? []).forEach((stage, index) => {
      const section = stagesArea.querySelector(`[data-stage-index="${index}"]`);
      const stageChip = section.querySelector('.stage-status');
      if (stageChip.dataset.status !== stage.status) {
        replaceChildren(stageChip, chip(stage.status));
        stageChip.dataset.status = stage.status;
      }
      for (const job of stage.jobs) updateJob(job);
    });
  }

  function stageSection(stage, index) {
    const headingId = `stage-${index}-heading`;
    return h('section', { class: 'stage', 'aria-labelledby': headingId, dataset: { stage: stage.name, stageIndex: String(index) } },
      h('div', { class: 'stage-header' },
        h('h3', { id: headingId, text: `Stage ${stage.name}` }),
        h('span', { class: 'stage-status' }),
        stage.canFail ? h('span', { class: 'muted', text: '(allowed to fail)' }) : null),
      h('div', { class: 'table-wrap' },
        h('table', { class: 'responsive' },
          h('caption', { class: 'visually-hidden', text: `Jobs of stage ${stage.name}` }),
          h('thead', {}, h('tr', {}, ['Job', 'Status', 'Elapsed', 'Exit code', 'Log', 'Artifacts'].map((c) => h('th', { scope: 'col', text: c })))),
          h('tbody', {}, stage.jobs.map((job) => jobRow(job))))));
  }

  function jobRow(job) {
    const cells = {
      status: h('td', { 'data-label': 'Status' }),
      elapsed: h('td', { 'data-label': 'Elapsed', class: 'num' }),
      exitCode: h('td', { 'data-label': 'Exit code', class: 'num' }),
      artifacts: h('td', { 'data-label': 'Artifacts' }),
      logButton: h('button', {
        type: 'button', class: 'button secondary small', 'aria-controls': 'log-panel', 'aria-expanded': 'false',
        'aria-label': `Log of ${job.name}`, text: 'Log', dataset: { job: job.name },
        onclick: () => {
          const current = findJob(job.name) ?? job;
          if (logs.job?.name === job.name && !logs.panel.hidden) logs.onClose();
          else openLog(current, true);
        },
      }),
    };
    const row = h('tr', { dataset: { job: job.name } },
      h('th', { scope: 'row', 'data-label': 'Job', text: job.name }),
      cells.status, cells.elapsed, cells.exitCode,
      h('td', { 'data-label': 'Log' }, cells.logButton),
      cells.artifacts);
    jobRows.set(job.name, { row, cells, status: null, artifactKey: null });
    return row;
  }

  function updateJob(job) {
    const entry = jobRows.get(job.name);
    if (!entry) return;
    if (entry.status !== job.status) {
      replaceChildren(entry.cells.status, chip(job.status));
      entry.row.dataset.status = job.status;
      entry.status = job.status;
    }
    setElapsed(entry.cells.elapsed, job.startedAt, job.finishedAt ?? (isFinished(job.status) ? job.startedAt : null));
    entry.cells.exitCode.textContent = job.exitCode ?? '';
    const artifactKey = (job.artifacts ?? []).map((a) => `${a.name}:${a.size}`).join('|');
    if (artifactKey !== entry.artifactKey) {
      entry.artifactKey = artifactKey;
      replaceChildren(entry.cells.artifacts, (job.artifacts ?? []).length === 0 ? '' :
        h('ul', { class: 'artifacts' }, job.artifacts.map((a) => artifactItem(a))));
    }
  }

  function artifactItem(artifact) {
    const button = h('button', {
      type: 'button', class: 'button secondary small', text: 'Download',
      'aria-label': `Download ${artifact.name} (${bytes(artifact.size)})`, dataset: { artifact: artifact.name },
    });
    button.addEventListener('click', async () => {
      button.disabled = true;
      button.textContent = 'Downloading…';
      messages.replaceChildren();
      try {
        await download(artifact.uri, artifact.name.split('/').pop(), { size: artifact.size, signal: controller.signal });
        ctx.announce(`${artifact.name} downloaded.`);
      } catch (error) {
        if (error.name !== 'AbortError') messages.replaceChildren(problemBox(error));
      } finally {
        button.disabled = false;
        button.textContent = 'Download';
      }
    });
    return h('li', {},
      h('span', { class: 'artifact-name', text: artifact.name }),
      h('span', { class: 'size', text: `(${bytes(artifact.size)})` }),
      button);
  }

  function openLog(job, focus) {
    logs.open(job);
    updateLogButtons();
    ctx.replaceQuery(`/builds/${seg(id)}?job=${encodeURIComponent(job.name)}`);
    if (focus) logs.title.focus();
  }

  function updateLogButtons() {
    for (const [name, entry] of jobRows) {
      entry.cells.logButton.setAttribute('aria-expanded', String(!logs.panel.hidden && logs.job?.name === name));
    }
  }

  const poller = new Poller(poll, {
    min: 1000,
    max: 5000,
    onError: (error) => {
      pollMessages.replaceChildren(problemBox(error));
      if (error.status === 404) poller.stop();
    },
  });
  const ticker = new ElapsedTicker(main);

  main.append(
    crumbs,
    heading,
    h('div', { class: 'toolbar' }, statusBox, h('span', { class: 'spacer' }), killButton),
    messages,
    pollMessages,
    metaList,
    h('h2', { text: 'Stages and jobs' }),
    stagesArea,
    logs.panel,
    manifestDetails);
  poller.start();
  return {
    dispose() {
      poller.stop();
      ticker.stop();
      logs.close();
      controller.abort();
    },
  };
}
