import { readFile, writeFile } from 'node:fs/promises';
import { parseDocument, type Document } from 'yaml';

/**
 * Edits a content type file on disk the way a person would: the YAML is parsed as a document
 * (comments and layout kept), changed, and written back. No catalyst code is involved.
 */
export async function editYamlFile(path: string, edit: (document: Document) => void): Promise<void> {
  const document = parseDocument(await readFile(path, 'utf8'));
  if (document.errors.length > 0) throw new Error(`${path} does not parse as YAML: ${document.errors[0]!.message}`);
  edit(document);
  await writeFile(path, document.toString());
}
