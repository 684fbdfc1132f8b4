export { ApiError, request } from "./client";
export * from "./queries";
