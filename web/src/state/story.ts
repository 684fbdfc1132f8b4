/** The story producers moved to web/src/stories/; this keeps api/queries.ts's import working until it names stories/story. */
export { type ApiStory, type StoryFile, storyFromApi } from "../stories/story";
