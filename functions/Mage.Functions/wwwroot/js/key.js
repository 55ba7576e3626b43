// The API key lives in sessionStorage: this browser tab only, gone when the tab closes.

const storageKey = 'mage.apiKey';

/** The key of this tab, or null. */
export function getKey() {
  try {
    return sessionStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

/** Keeps the key for this tab. */
export function setKey(key) {
  sessionStorage.setItem(storageKey, key);
}

/** Forgets the key. */
export function clearKey() {
  try {
    sessionStorage.removeItem(storageKey);
  } catch {
    // Storage disabled: nothing was kept.
  }
}
