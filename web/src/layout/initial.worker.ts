/// <reference lib="webworker" />
/** Computes the opening layout off the main thread; answers with the positions (transferred). */
import { createDataset } from "../../../core/dataset";
import type { CompactNetwork } from "../graph/types";
import { computeInitialLayout } from "../../../core/layout/initial";

export interface InitialLayoutRequest {
  data: CompactNetwork;
}

self.onmessage = (event: MessageEvent<InitialLayoutRequest>) => {
  const positions = computeInitialLayout(createDataset(event.data.data));
  self.postMessage(positions, { transfer: [positions.buffer] });
};
