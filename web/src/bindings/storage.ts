/**
 * The browser's localStorage, or an in-memory stand-in where the browser denies it — a page framed
 * by another site (the /embed page) gets a SecurityError on the mere `window.localStorage` read, which
 * would stop the app before its first frame. Without it, cached layouts and story drafts last the visit.
 */
export function localStorageOrMemory(): Storage {
  try {
    const storage = window.localStorage;
    void storage.length;
    return storage;
  } catch {
    return memoryStorage();
  }
}

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (index) => [...items.keys()][index] ?? null,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, String(value)),
    removeItem: (key) => void items.delete(key),
    clear: () => items.clear(),
  };
}
