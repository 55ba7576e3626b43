// ProblemDetails (RFC 7807) shown as they come: title, detail, and each error with its
// position; a position is a button that takes the cursor to that line of the editor.

import { h } from './dom.js';

/**
 * A problem box for an ApiError (or any Error). options.onPosition(line, column), when given,
 * makes every error with a line a button that calls it. options.heading sets the heading level.
 */
export function problemBox(error, options = {}) {
  const problem = error?.problem ?? { title: 'Something went wrong', detail: error?.message ?? String(error) };
  const status = problem.status ?? error?.status;
  const heading = options.heading ?? 'h2';
  const title = problem.title || 'Request failed';
  const errors = Array.isArray(problem.errors) ? problem.errors : objectErrors(problem.errors);
  return h('div', { class: 'problem', role: 'alert', dataset: { status: status ?? '' } },
    h(heading, { text: status ? `${title} (${status})` : title }),
    problem.detail ? h('p', { class: 'problem-detail', text: problem.detail }) : null,
    errors.length ? h('ul', { class: 'problem-errors' }, errors.map((e) => errorItem(e, options.onPosition))) : null);
}

function errorItem(error, onPosition) {
  const line = Number(error.line) || 0;
  const column = Number(error.column) || 0;
  const where = line > 0 ? `${line}:${column || 1}` : '';
  const message = [error.path ? `${error.path}: ` : '', error.message ?? ''].join('');
  if (where && onPosition) {
    return h('li', {},
      h('button', {
        type: 'button', class: 'link-button position', 'aria-label': `Line ${line}, column ${column || 1}: go to this line`,
        onclick: () => onPosition(line, column || 1), text: where,
      }),
      ` ${message}`);
  }
  return h('li', {}, where ? h('span', { class: 'position', text: where }) : null, where ? ` ${message}` : message);
}

// ASP.NET Core validation problems carry errors as { field: [messages] }.
function objectErrors(errors) {
  if (!errors || typeof errors !== 'object') return [];
  return Object.entries(errors).flatMap(([path, messages]) => [messages].flat().map((message) => ({ path, message })));
}
