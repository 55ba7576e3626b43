// One job's log, following live while the job runs (?follow=true streamed with a
// ReadableStream). The page keeps only the last maxChars characters, so a log followed for
// an hour does not grow the page without bound; the full log stays a download away.

import { request } from '../api.js';
import { h } from '../dom.js';
import { download } from '../download.js';
import { problemBox } from '../problems.js';
import { isFinished, statusText } from '../status.js';

/** Characters of log text kept in the page. */
export const maxChars = 256 * 1024;

// Appending to the last text node up to this size keeps the node count small.
const nodeChars = 16 * 1024;

export class LogViewer {
  constructor(buildId, announce) {
    this.buildId = buildId;
    this.announce = announce;
    this.job = null;
    this.controller = null;
    this.retryTimer = null;
    this.title = h('h2', { id: 'log-heading', tabindex: '-1' });
    this.state = h('p', { class: 'log-state', id: 'log-state', role: 'status' });
    this.trimmed = h('p', { class: 'log-state', id: 'log-trimmed', hidden: true },
      `Only the last ${Math.round(maxChars / 1024)} KiB are shown here; download the log for all of it.`);
    this.output = h('pre', { class: 'log-output', id: 'log-output', tabindex: '0', 'aria-labelledby': 'log-heading' });
    this.stick = h('input', { type: 'checkbox', id: 'log-stick', checked: true });
    this.messages = h('div');
    this.closeButton = h('button', { type: 'button', class: 'button secondary small', id: 'log-close', text: 'Close log', onclick: () => this.onClose?.() });
    this.downloadButton = h('button', { type: 'button', class: 'button secondary small', id: 'log-download', text: 'Download log', onclick: () => this.downloadLog() });
    this.panel = h('section', { class: 'log-panel', id: 'log-panel', 'aria-labelledby': 'log-heading', hidden: true },
      h('header', {},
        this.title,
        h('label', { class: 'checkbox', for: 'log-stick' }, this.stick, 'Keep scrolled to the end'),
        this.downloadButton,
        this.closeButton),
      this.state,
      this.trimmed,
      this.messages,
      this.output);
  }

  /** Shows job's log and follows it while the job is queued or running. */
  open(job) {
    this.stop();
    this.job = { name: job.name, status: job.status, logUri: job.logUri };
    this.bytes = 0;
    this.chars = 0;
    this.retryDelay = 1000;
    this.output.replaceChildren();
    this.trimmed.hidden = true;
    this.messages.replaceChildren();
    this.title.textContent = `Log of ${job.name}`;
    this.panel.hidden = false;
    this.panel.dataset.job = job.name;
    this.read();
  }

  /** The job's status from the latest build poll. */
  update(job) {
    if (!this.job || job.name !== this.job.name) return;
    const was = this.job.status;
    this.job.status = job.status;
    // A job that started after the log was opened while queued is already being followed; one
    // whose stream broke gets a retry sooner.
    if (was !== job.status && this.retryTimer !== null) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
      this.read();
    }
  }

  /** Stops reading and hides the panel. */
  close() {
    this.stop();
    this.job = null;
    this.panel.hidden = true;
    delete this.panel.dataset.job;
  }

  stop() {
    this.controller?.abort();
    this.controller = null;
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  async read() {
    const job = this.job;
    const follow = !isFinished(job.status);
    const controller = new AbortController();
    this.controller = controller;
    this.setState(follow ? 'Following live…' : 'Loading…', follow ? 'following' : 'loading');
    try {
      const response = await request(`${job.logUri}${follow ? '?follow=true' : ''}`, { signal: controller.signal, headers: { accept: 'text/plain' } });
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      // After a reconnect the log comes again from its start: skip what is already shown.
      let skip = this.bytes;
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        let chunk = value;
        if (skip > 0) {
          const dropped = Math.min(skip, chunk.length);
          chunk = chunk.subarray(dropped);
          skip -= dropped;
        }
        if (chunk.length === 0) continue;
        this.bytes += chunk.length;
        this.appendText(decoder.decode(chunk, { stream: true }));
      }
      this.appendText(decoder.decode());
      if (this.job !== job) return;
      // A followed log ends when the job ends; the server reads the status before the last output, so nothing is missing.
      const ended = this.bytes === 0 ? 'The job wrote no output.' : 'End of log.';
      this.setState(follow ? `Job finished. ${ended}` : `${ended} Job ${statusText(job.status)}.`, 'done');
      if (follow) this.announce(`Log of ${job.name} finished.`);
    } catch (error) {
      if (error.name === 'AbortError' || this.job !== job) return;
      if (error.status && error.status !== 0 && error.status < 500) {
        this.messages.replaceChildren(problemBox(error, { heading: 'h3' }));
        this.setState('The log could not be read.', 'error');
        return;
      }
      // The connection broke (app restarted, network): try again with back-off, keeping what is shown.
      const wait = this.retryDelay;
      this.retryDelay = Math.min(30_000, this.retryDelay * 2);
      this.setState(`Connection lost (${error.message}); retrying in ${Math.round(wait / 1000)} s…`, 'retrying');
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        if (this.job === job) this.read();
      }, wait);
    } finally {
      if (this.controller === controller) this.controller = null;
    }
  }

  setState(text, state) {
    this.state.textContent = text;
    this.panel.dataset.state = state;
  }

  appendText(text) {
    if (!text) return;
    const out = this.output;
    const atEnd = out.scrollHeight - out.scrollTop - out.clientHeight < 32;
    const last = out.lastChild;
    if (last && last.nodeType === Node.TEXT_NODE && last.length < nodeChars) last.appendData(text);
    else out.append(document.createTextNode(text));
    this.chars += text.length;
    while (this.chars > maxChars && out.firstChild) {
      const first = out.firstChild;
      const excess = this.chars - maxChars;
      if (first.length <= excess) {
        this.chars -= first.length;
        first.remove();
      } else {
        first.deleteData(0, excess);
        this.chars -= excess;
      }
      this.trimmed.hidden = false;
    }
    if (this.stick.checked && atEnd) out.scrollTop = out.scrollHeight;
  }

  async downloadLog() {
    if (!this.job) return;
    this.downloadButton.disabled = true;
    try {
      await download(this.job.logUri, `${this.buildId}-${this.job.name}.log`);
    } catch (error) {
      this.messages.replaceChildren(problemBox(error, { heading: 'h3' }));
    } finally {
      this.downloadButton.disabled = false;
    }
  }
}
