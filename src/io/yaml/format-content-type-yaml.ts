import { Document, isCollection, isMap, isPair, isScalar, isSeq, stringify, type Node, type ToStringOptions } from 'yaml';
import type { ServerDefaults } from '../../core/defaults.js';
import type { ContentTypeDef, DisplayTemplateDef, PropertyGroupDef } from '../../core/model.js';
import { compactContentType, compactPropertyGroups } from './compact-content-type.js';
import { compactDisplayTemplates } from './display-templates-yaml.js';

export interface FormatYamlOptions {
  /** Comment lines written at the top of the file, after the schema line (without the leading `#`). */
  headerComments?: readonly string[];
  /**
   * Path or URL of `content-type.schema.json` as the file should reference it (relative to the
   * file), written as the `# yaml-language-server: $schema=…` line editors read. Omitted: no line.
   */
  schemaPath?: string;
  /** The target platform's defaults: members equal to them are left out. */
  defaults: ServerDefaults;
}

/** Lines longer than this are written in block style. */
const LINE_WIDTH = 100;

export const TO_STRING: ToStringOptions = { lineWidth: 0, indentSeq: true, flowCollectionPadding: true };

/**
 * A canonical content type as YAML: deterministic (fixed member order, properties by sortOrder
 * then key), shorthands where they are lossless and shorter, short collections on one line.
 * `parseContentTypeText(formatContentTypeYaml(def))` gives back exactly `def`.
 */
export function formatContentTypeYaml(def: ContentTypeDef, options: FormatYamlOptions): string {
  return render(compactContentType(def, options.defaults), options, ['properties']);
}

/** Property groups as one YAML document (`propertyGroups: [...]`), ordered by sortOrder then key. */
export function formatPropertyGroupsYaml(groups: readonly PropertyGroupDef[], options: FormatYamlOptions): string {
  return render(compactPropertyGroups(groups, options.defaults), options, ['propertyGroups']);
}

/** Display templates as one YAML document (`displayTemplates: [...]`), ordered by key. */
export function formatDisplayTemplatesYaml(templates: readonly DisplayTemplateDef[], options: Omit<FormatYamlOptions, 'defaults'>): string {
  return render(compactDisplayTemplates(templates), options, ['displayTemplates']);
}

function render(value: object, options: Omit<FormatYamlOptions, 'defaults'>, blockMembers: readonly string[]): string {
  const document = new Document(value);
  const root = document.contents;
  if (isMap(root)) {
    for (const pair of root.items) {
      const block = isScalar(pair.key) && blockMembers.includes(String(pair.key.value));
      const node = pair.value as Node | null;
      if (block && isCollection(node)) {
        for (const item of node.items) {
          if (isPair(item)) applyFlow(item.value as Node | null, 2, keyLength(item.key));
          else applyFlow(item as Node | null, 2, 2);
        }
      } else {
        applyFlow(node, 0, keyLength(pair.key));
      }
    }
  }
  const header = [
    ...(options.schemaPath ? [` yaml-language-server: $schema=${options.schemaPath}`] : []),
    ...(options.headerComments ?? []).flatMap((comment) => comment.split('\n')).map((line) => (line === '' ? '' : ` ${line}`)),
  ];
  if (header.length > 0) document.commentBefore = header.join('\n');
  return document.toString(TO_STRING);
}

/**
 * Writes a collection on one line when that line fits, else in block style with the same rule
 * applied to its members. Lists of mappings stay in block style (one entry per line).
 */
export function applyFlow(node: Node | null | undefined, indent: number, prefix: number): void {
  if (!isCollection(node)) return;
  const listOfMappings = isSeq(node) && node.items.some((item) => isMap(item));
  const oneLine = stringify(node.toJSON(), { ...TO_STRING, collectionStyle: 'flow' }).trimEnd();
  if (!listOfMappings && !oneLine.includes('\n') && indent + prefix + oneLine.length <= LINE_WIDTH) {
    node.flow = true;
    return;
  }
  for (const item of node.items) {
    if (isPair(item)) applyFlow(item.value as Node | null, indent + 2, keyLength(item.key));
    else applyFlow(item as Node | null, indent + 2, 2);
  }
}

function keyLength(key: unknown): number {
  return (isScalar(key) ? String(key.value).length : 0) + 2;
}
