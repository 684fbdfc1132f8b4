/**
 * Checks a GEXF document against the GEXF 1.3 schemas of the format's authors, vendored unmodified
 * in test/fixtures/gexf-1.3/ (see its README), with libxml2 (xmllint-wasm: offline, no system tool).
 *
 * - RelaxNG (gexf.rng, the specification's source, from which the XSD is generated): the document
 *   exactly as written.
 * - XSD (gexf.xsd): the document without its viz:* elements. The published XSD declares color,
 *   position and size in the GEXF namespace instead of http://gexf.net/1.3/viz (its RelaxNG source,
 *   Gephi and every reader use the viz namespace), so no GEXF with a drawing could pass it whole;
 *   everything else — meta, attributes, nodes, edges, kinds, values — is checked by both.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

import { validateXML } from "xmllint-wasm";

const DIR = join(import.meta.dirname, "fixtures", "gexf-1.3");

async function errorsOf(xml: string, extension: "schema" | "relaxng", suffix: "xsd" | "rng"): Promise<string[]> {
  const file = (name: string) => ({ fileName: `${name}.${suffix}`, contents: readFileSync(join(DIR, `${name}.${suffix}`), "utf8") });
  const result = await validateXML({
    xml: [{ fileName: "export.gexf", contents: xml }],
    schema: [file("gexf")],
    preload: [file("dynamics"), file("viz")],
    extension,
    // The atlas's whole export is a few MB: more than the default 16 MB of wasm memory may hold parsed.
    maxMemoryPages: 16384,
  });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage.trim());
}

/** libxml2's complaints about the document under each schema; empty lists: valid. */
export async function gexfSchemaErrors(xml: string): Promise<{ relaxng: string[]; xsd: string[] }> {
  const withoutViz = xml.replace(/<viz:[a-z]+\b[^>]*\/>/g, "");
  return { relaxng: await errorsOf(xml, "relaxng", "rng"), xsd: await errorsOf(withoutViz, "schema", "xsd") };
}
