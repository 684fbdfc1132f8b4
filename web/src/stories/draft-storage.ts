/**
 * The story a teacher is writing, kept in this browser's localStorage so a reload or a closed tab
 * loses nothing: saved a moment after each change (typing writes once per pause), and at once when
 * the page goes away.
 */
import { createStore, type Store } from "../state";
import { getEmptyDraft, reviveDraft, type StoryDraft } from "./index";

const DRAFT_STORAGE_KEY = "atlas-story-draft:v1";

function load(storage: Storage): StoryDraft {
  try {
    const text = storage.getItem(DRAFT_STORAGE_KEY);
    return text ? reviveDraft(JSON.parse(text)) : getEmptyDraft();
  } catch {
    return getEmptyDraft();
  }
}

export function createDraftStore(storage: Storage = window.localStorage, delayMs = 300): Store<StoryDraft> {
  const store = createStore(load(storage));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    clearTimeout(timer);
    timer = undefined;
    try {
      storage.setItem(DRAFT_STORAGE_KEY, JSON.stringify(store.get()));
    } catch {
      // Storage full or disabled: the draft lives for this page only.
    }
  };
  store.subscribe(() => {
    clearTimeout(timer);
    timer = setTimeout(save, delayMs);
  });
  window.addEventListener("pagehide", () => {
    if (timer !== undefined) save();
  });
  return store;
}
