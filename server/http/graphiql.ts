/**
 * GraphiQL from the app's own packages (@graphql-yoga/render-graphiql, pinned with graphql-yoga):
 * the page carries its code inline, so it works offline and makes no request to a CDN. It is
 * rendered once; its inline scripts' hashes go into the page's CSP.
 */
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";

import { inlineScriptHashes } from "./security-headers.js";

export interface GraphiQLPage {
  html: string;
  scriptHashes: string[];
}

export function graphiqlPage(title: string): GraphiQLPage {
  const html = renderGraphiQL({ title });
  return { html, scriptHashes: inlineScriptHashes(html) };
}
