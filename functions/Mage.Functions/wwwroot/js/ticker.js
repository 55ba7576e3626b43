// One timer per page refreshes every running elapsed time inside a root element.

import { elapsed } from './format.js';

/** Elements with data-started-at (and no data-finished-at) show the time since then, updated each second. */
export class ElapsedTicker {
  constructor(root) {
    this.root = root;
    this.timer = setInterval(() => this.tick(), 1000);
  }

  tick() {
    for (const el of this.root.querySelectorAll('[data-started-at]')) {
      const text = elapsed(el.dataset.startedAt, el.dataset.finishedAt || null);
      if (el.textContent !== text) el.textContent = text;
    }
  }

  stop() {
    clearInterval(this.timer);
  }
}

/** Sets an element's start/finish data so the ticker (and this call) show the elapsed time. */
export function setElapsed(el, startedAt, finishedAt) {
  if (startedAt) el.dataset.startedAt = startedAt;
  else delete el.dataset.startedAt;
  if (finishedAt) el.dataset.finishedAt = finishedAt;
  else delete el.dataset.finishedAt;
  el.textContent = startedAt ? elapsed(startedAt, finishedAt) : '';
}
