// Build and job statuses in both vocabularies: djinn's (the API's) and Mage's.

import { h } from './dom.js';

/** Every build status, in life order. */
export const buildStatuses = ['queued', 'running', 'passed', 'passed_with_failures', 'failed', 'killed', 'timed_out'];

const mageNames = {
  queued: 'TRIGGERED',
  running: 'RUNNING',
  passed: 'SUCCESS',
  passed_with_failures: 'SUCCESS',
  failed: 'FAILURE',
  killed: 'FAILURE',
  timed_out: 'FAILURE',
};

/** Mage's word for a status (TRIGGERED, RUNNING, SUCCESS, FAILURE); jobs' "skipped" has none. */
export function mageName(status) {
  return mageNames[status] ?? '';
}

/** True for statuses that never change again. */
export function isFinished(status) {
  return !(status === 'queued' || status === 'running');
}

/** "passed · SUCCESS", or just the word when Mage has none. */
export function statusText(status) {
  const mage = mageName(status);
  return mage ? `${status} · ${mage}` : status;
}

/** A chip showing both words; colour is never the only signal. */
export function chip(status, options = {}) {
  const mage = mageName(status);
  return h('span', { class: `chip chip-${status}${options.large ? ' large' : ''}`, dataset: { status } },
    h('span', { class: 'djinn', text: status }),
    mage ? [h('span', { 'aria-hidden': 'true', text: '·' }), h('span', { class: 'mage', text: mage })] : null);
}
