/**
 * GraphiQL from the app's own packages (@graphql-yoga/render-graphiql, pinned with graphql-yoga):
 * the page carries its code inline, so it works offline and makes no request to a CDN. It is
 * rendered once per process (about 9 MB, and tests create many apps); its inline scripts' hashes
 * go into the page's CSP.
 */
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";

import { inlineScriptHashes } from "./security-headers.js";

export interface GraphiQLPage {
  html: string;
  scriptHashes: string[];
}

const pages = new Map<string, GraphiQLPage>();

export function graphiqlPage(title: string): GraphiQLPage {
  let page = pages.get(title);
  if (!page) {
    const html = renderGraphiQL({ title });
    page = { html, scriptHashes: inlineScriptHashes(html) };
    pages.set(title, page);
  }
  return page;
}
