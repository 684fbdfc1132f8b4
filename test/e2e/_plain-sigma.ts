/**
 * Plain Sigma.js and nothing of the atlas, bundled for a blank page in the browser test: does the
 * atlas's GEXF draw as it is, with Sigma's default settings (a node `type` no program knows would
 * throw)?
 */
import { MultiGraph } from "graphology";
import { parse } from "graphology-gexf/browser";
import Sigma from "sigma";

(window as unknown as { drawGexf: unknown }).drawGexf = (text: string, container: HTMLElement) => {
  const graph = parse(MultiGraph, text);
  new Sigma(graph, container);
  return { order: graph.order, size: graph.size };
};
