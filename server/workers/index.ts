/** Whole-graph computations off the event loop: the worker pool and the tasks it runs. */
export { completedTasks, POOL_SIZE, runInWorker } from "./pool.js";
export { type LayoutResult, type LayoutTask, type MetricsResult, type MetricsTask, runTask, type Task } from "./tasks.js";
