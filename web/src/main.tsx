import { StrictMode } from "react";
import { createRoot } from "react-dom/client";

import { createLayoutWorker } from "./bindings/layout-worker";
import { App } from "./ui/App";
import "./styles.css";
import "./edit/edit.css";
import "./analysis/analysis.css";

// Started before React renders, so the worker is loaded by the time the network arrives.
const layoutWorker = createLayoutWorker();

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App layoutWorker={layoutWorker} />
  </StrictMode>,
);
