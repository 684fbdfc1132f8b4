/**
 * A component loaded on first render, from a module's named export. Panels and dialogs that the
 * opening frame does not show are split out of the main bundle this way, so the first frame does
 * not wait for their code to download and compile; a Suspense boundary (Tabs) shows "Loading…".
 */
import { type ComponentType, lazy, type LazyExoticComponent } from "react";

export function lazyNamed<M, K extends keyof M>(
  load: () => Promise<M>,
  name: K,
): M[K] extends ComponentType<infer P> ? LazyExoticComponent<ComponentType<P>> : never {
  return lazy(async () => ({ default: (await load())[name] as ComponentType<unknown> })) as never;
}
