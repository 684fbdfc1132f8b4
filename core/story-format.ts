/**
 * The story file's type and version, without the zod schema (core/story.ts), so the browser's first
 * frame can name them and load the schema only when a story file is opened or exported.
 */
export const STORY_FILE_TYPE = "coalition-atlas/story";
export const STORY_FILE_VERSION = 1;
