import type { ContentTypeDef } from '../../../src/core/model.js';
import { BUILT_IN_TYPES, type CorpusResource } from './corpus.js';
import { editYamlFile } from './edit-yaml.js';

/** A person's change to the imported YAML: one type renamed and given a property, one property removed. */
export interface UserEdit {
  renamed: string;
  displayName: string;
  /** The property added to `renamed`. */
  added: string;
  removedFrom: string;
  removed: string;
}

export const ADDED_PROPERTY = { key: 'catalystEditorNote', definition: { type: 'string', displayName: 'Editor note' } } as const;

/**
 * Picks the edit for a corpus file: the first of the file's own types (not built in, not a
 * contract) gets a new displayName and a new property; the next one with properties (or the same
 * one, when the file has a single type) loses its first property.
 */
export function pickEdit(raws: readonly CorpusResource[], desired: ReadonlyMap<string, ContentTypeDef>): UserEdit {
  const own = raws
    .filter((raw) => !BUILT_IN_TYPES.has(raw.key) && raw.isContract !== true)
    .map((raw) => raw.key)
    .sort();
  const renamed = own[0];
  if (renamed === undefined) throw new Error('The file has no type of its own to edit.');
  const hasProperties = (key: string) => Object.keys(desired.get(key)?.properties ?? {}).length > 0;
  const removedFrom = own.find((key) => key !== renamed && hasProperties(key)) ?? (hasProperties(renamed) ? renamed : undefined);
  if (removedFrom === undefined) throw new Error('The file has no type with a property to remove.');
  return {
    renamed,
    displayName: `${desired.get(renamed)!.displayName} (edited)`,
    added: ADDED_PROPERTY.key,
    removedFrom,
    removed: Object.keys(desired.get(removedFrom)!.properties).sort()[0]!,
  };
}

/** Makes the edit in the YAML files, as a person would in an editor. */
export async function makeEdit(edit: UserEdit, fileOf: (key: string) => Promise<string>): Promise<void> {
  await editYamlFile(await fileOf(edit.renamed), (document) => {
    document.set('displayName', edit.displayName);
    document.setIn(['properties', edit.added], document.createNode(ADDED_PROPERTY.definition));
  });
  await editYamlFile(await fileOf(edit.removedFrom), (document) => {
    document.deleteIn(['properties', edit.removed]);
  });
}

/** The types the edit updates, sorted. */
export function updatedKeys(edit: UserEdit): string[] {
  return [...new Set([edit.renamed, edit.removedFrom])].sort();
}

/** The plan's member changes the edit must give, as `<key> <op> <path>`, sorted. */
export function expectedChanges(edit: UserEdit): string[] {
  return [
    `${edit.renamed} change displayName`,
    `${edit.renamed} add properties.${edit.added}`,
    `${edit.removedFrom} remove properties.${edit.removed}`,
  ].sort();
}
