/**
 * /references.json: content/references.json as served CSL-JSON, so a teacher can import the
 * course's bibliography into Zotero (File → Import…) straight from the site.
 */
import { loadContentIndex } from '../refs/load';

export function GET(): Response {
  const { references } = loadContentIndex();
  return new Response(`${JSON.stringify(references, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/vnd.citationstyles.csl+json; charset=utf-8' },
  });
}
