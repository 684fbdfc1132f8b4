export * from "./atlas";
export * from "./filters";
export * from "./store";
export * from "./story";
export * from "./story-draft";
export * from "./story-file";
export { decodeState, encodeState, toQueryString } from "./url";
