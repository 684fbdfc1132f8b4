export { readCachedLayout, writeCachedLayout, fingerprint } from "./cache";
export { startForceLayout, type ForceLayout } from "./force";
export { computeInitialLayout, initialIterations } from "../../../core/layout/initial";
export { BANDS, bandOf, computeSectorsLayout, type SectorsLayout } from "./sectors";
export { seedPositions } from "../../../core/layout/seed";
