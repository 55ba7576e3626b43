// Asks for the API key once; it is kept for this tab only (sessionStorage).

import { json } from '../api.js';
import { setKey } from '../key.js';
import { append, h } from '../dom.js';
import { problemBox } from '../problems.js';

/** Renders the key form; ctx.done() is called once a key has been accepted by the API. */
export function mountKeyForm(main, ctx) {
  ctx.setTitle('Enter key');
  const input = h('input', { type: 'password', id: 'api-key', name: 'key', autocomplete: 'off', required: true, 'aria-describedby': 'api-key-hint' });
  const messages = h('div', { id: 'key-messages' });
  const submit = h('button', { type: 'submit', class: 'button', text: 'Use this key' });
  const form = h('form', { class: 'stack', 'aria-labelledby': 'key-heading' },
    h('div', { class: 'field' },
      h('label', { for: 'api-key', text: 'API key' }),
      input,
      h('p', { class: 'hint', id: 'api-key-hint', text: 'The admin key (.mage/admin.key when running locally) or a service key. It is kept for this browser tab only and sent as x-functions-key.' })),
    h('div', {}, submit));
  const controller = new AbortController();

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const key = input.value.trim();
    if (!key) return;
    submit.disabled = true;
    messages.replaceChildren();
    try {
      await json('/api/services', { key, signal: controller.signal });
      setKey(key);
      ctx.announce('Key accepted.');
      ctx.done();
    } catch (error) {
      if (error.name === 'AbortError') return;
      messages.replaceChildren(problemBox(error));
      input.focus();
    } finally {
      submit.disabled = false;
    }
  });

  // dom.js's append skips the missing notice; Element.append would print it as the text "null".
  append(main, [
    h('h1', { id: 'key-heading', text: 'Enter your key' }),
    ctx.message ? h('p', { class: 'notice', role: 'status', text: ctx.message }) : null,
    messages,
    form]);
  input.focus();
  return { dispose: () => controller.abort() };
}
