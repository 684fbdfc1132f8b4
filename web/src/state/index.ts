export * from "./atlas";
export * from "./filters";
export * from "./store";
export { decodeState, encodeState, toQueryString } from "./url";
