// The pool's worker entry. Worker threads do not inherit tsx's module hooks (under `tsx`, `vitest`
// or plain node alike), so each worker registers tsx itself before importing the TypeScript tasks.
import { move, transferableSymbol, valueSymbol } from "piscina";
import { register } from "tsx/esm/api";

register();
const { runTask, transferablesOf } = await import("./tasks.ts");

/** Runs one task; its typed arrays travel back to the main thread without a copy. */
export default function run(task) {
  const result = runTask(task);
  return move({
    get [transferableSymbol]() {
      return transferablesOf(result);
    },
    get [valueSymbol]() {
      return result;
    },
  });
}
