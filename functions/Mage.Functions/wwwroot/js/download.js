// Downloads that carry the key: fetched with x-functions-key and saved from a blob, so the
// key never appears in an address. Very large files would sit in memory that way, so above
// a limit the browser downloads them itself with ?code= (the Functions convention).

import { request } from './api.js';
import { getKey } from './key.js';

/** Larger downloads stream to disk through the browser instead of a blob in memory. */
export const blobLimitBytes = 64 * 1024 * 1024;

/** Downloads url as filename. size (bytes), when known, picks the way. */
export async function download(url, filename, { size, signal } = {}) {
  if (size !== undefined && size > blobLimitBytes) {
    const separator = url.includes('?') ? '&' : '?';
    clickLink(`${url}${separator}code=${encodeURIComponent(getKey() ?? '')}`, filename);
    return;
  }
  const response = await request(url, { signal, headers: { accept: '*/*' } });
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  clickLink(href, filename);
  // The click has handed the blob to the download manager; free it once that has read it.
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}

function clickLink(href, filename) {
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
}
