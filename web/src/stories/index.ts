/**
 * Teaching stories in the explorer, in one feature folder: the step producer and the API's answer
 * turned back into the file format (story.ts), authoring (draft.ts, draft-storage.ts), story files
 * in and out (file.ts; the format itself is core/story.ts) and the panels (StoriesPanel, StoryPlayer,
 * StoryEditor).
 */
export * from "./draft";
export * from "./file";
export * from "./story";
