// Polling with back-off: fast while things change, slower while they do not, slower still on
// errors; one timer at a time, cancelled by stop(). A hidden tab polls at the slowest pace and
// catches up at once when shown again.

/**
 * Calls task(signal) repeatedly. task returns true when something changed (the pace resets to
 * the fastest), false when nothing did, or "stop" to end polling. A thrown error slows down
 * to errorMax and is passed to onError. Not re-entrant: the next call starts after the last ends.
 */
export class Poller {
  constructor(task, options = {}) {
    this.task = task;
    this.min = options.min ?? 1000;
    this.max = options.max ?? 10000;
    this.errorMax = options.errorMax ?? 30000;
    this.factor = options.factor ?? 1.6;
    this.onError = options.onError ?? (() => {});
    this.delay = this.min;
    this.timer = null;
    this.stopped = false;
    this.running = false;
    this.controller = null;
    this.onVisibility = () => {
      if (!document.hidden) this.now();
    };
    document.addEventListener('visibilitychange', this.onVisibility);
  }

  /** Starts polling now. */
  start() {
    this.now();
    return this;
  }

  /** Polls now (e.g. after a user action), at the fastest pace again. */
  now() {
    if (this.stopped) return;
    this.delay = this.min;
    if (this.running) {
      this.again = true;
      return;
    }
    this.clearTimer();
    this.run();
  }

  /** Stops for good: no timer left, the request in flight aborted. */
  stop() {
    this.stopped = true;
    this.clearTimer();
    this.controller?.abort();
    document.removeEventListener('visibilitychange', this.onVisibility);
  }

  clearTimer() {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  async run() {
    this.running = true;
    this.again = false;
    this.controller = new AbortController();
    let outcome;
    try {
      outcome = await this.task(this.controller.signal);
      if (outcome === 'stop') {
        this.stop();
        return;
      }
      this.delay = outcome ? this.min : Math.min(this.max, Math.round(this.delay * this.factor));
    } catch (error) {
      if (this.stopped) return;
      if (error.name !== 'AbortError') this.onError(error);
      this.delay = Math.min(this.errorMax, Math.max(this.min * 2, Math.round(this.delay * 2)));
    } finally {
      this.running = false;
      this.controller = null;
    }
    if (this.stopped) return;
    const wait = this.again ? 0 : document.hidden ? Math.max(this.delay, this.max) : this.delay;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.run();
    }, wait);
  }
}
