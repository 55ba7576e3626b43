// The build page's merge-request field: a link for an http(s) address (GitLab), and for any other
// address (the git provider's file:///…#mage/<tag>, which a browser refuses to open from a page)
// the address as text with a button that copies it.

import { h } from '../dom.js';

/** The node for a build's mergeRequest ({ url, iid, branch }), or '—' when there is none. */
export function mergeRequestView(mr, announce) {
  if (!mr?.url) return '—';
  const label = `${mr.iid ? `!${mr.iid}` : 'Merge request'}${mr.branch ? ` (${mr.branch})` : ''}`;
  if (isWebAddress(mr.url)) {
    return h('a', { href: mr.url, target: '_blank', rel: 'noopener noreferrer', id: 'merge-request-link', text: label });
  }

  const address = h('code', { id: 'merge-request-address', text: mr.url });
  const copy = h('button', { type: 'button', class: 'button secondary', id: 'merge-request-copy', text: 'Copy' });
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(mr.url);
      copy.textContent = 'Copied';
      announce?.('Merge request address copied.');
    } catch {
      // No clipboard access (permission, insecure origin): select the text for a manual copy.
      const range = document.createRange();
      range.selectNodeContents(address);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      copy.textContent = 'Selected: press Ctrl+C';
    }
  });
  return h('span', { class: 'merge-request' }, `${label}: `, address, ' ', copy);
}

function isWebAddress(url) {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}
