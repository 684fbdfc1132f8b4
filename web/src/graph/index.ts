export * from "./appearance";
export * from "./build";
export * from "../../../core/dataset";
export * from "./export";
export * from "./types";
export * from "./view";
export * from "./vocabulary";
