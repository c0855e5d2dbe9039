import { readFile, unlink } from 'node:fs/promises';
import { resolve } from 'node:path';
import { diffArrays } from 'diff';
import { isMap, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { assertNever } from '../../core/assert-never.js';
import { deepEqual } from '../../core/deep-equal.js';
import type { ServerDefaults } from '../../core/defaults.js';
import type { ContentTypeDef, Definition, DisplayTemplateDef, PropertyGroupDef, ResourceDefs, ResourceKind } from '../../core/model.js';
import { kindOf } from '../../core/resource-kinds.js';
import { writeTextAtomic } from '../fs/write-text-atomic.js';
import { compactContentType, compactPropertyGroups } from './compact-content-type.js';
import { compactDisplayTemplates } from './display-templates-yaml.js';
import { applyFlow, TO_STRING } from './format-content-type-yaml.js';
import { parseContentTypeFiles } from './parse-content-type-files.js';
import type { ParsedDocument } from './parse-content-type-text.js';
import { writeContentTypeFiles } from './write-content-type-files.js';

/** One definition to change in the YAML: `after` is what the YAML should hold (canonical), null to remove it. */
export interface YamlEdit {
  kind: ResourceKind;
  key: string;
  action: 'write' | 'create' | 'remove';
  after: Definition | null;
}

export interface EditOptions {
  cwd: string;
  defaults: ServerDefaults;
  /** The content type JSON Schema, for the editor line of new files (see writeContentTypeFiles). */
  schema?: string;
}

/**
 * How each kind is written in YAML: a content type in a file of its own, the others as entries of
 * a list document (`propertyGroups: [...]`, under the kind's section name); and the written form
 * of one definition, as the formatter writes it.
 */
const YAML_KINDS: { [K in ResourceKind]: { ownFile: boolean; written(def: ResourceDefs[K], defaults: ServerDefaults): unknown } } = {
  contentType: { ownFile: true, written: (def, defaults) => compactContentType(def, defaults) },
  propertyGroup: { ownFile: false, written: (def, defaults) => compactPropertyGroups([def], defaults).propertyGroups[0] },
  displayTemplate: { ownFile: false, written: (def) => compactDisplayTemplates([def]).displayTemplates[0] },
};

function writtenForm(kind: ResourceKind, def: Definition, defaults: ServerDefaults): unknown {
  return (YAML_KINDS[kind].written as (def: Definition, defaults: ServerDefaults) => unknown)(def, defaults);
}

/** The definitions a parsed document holds, with the kind they are of. */
function definitionsOf(document: ParsedDocument): { kind: ResourceKind; defs: readonly Definition[] } {
  switch (document.kind) {
    case 'contentTypeFile':
      return { kind: 'contentType', defs: [document.contentType] };
    case 'propertyGroupsFile':
      return { kind: 'propertyGroup', defs: document.propertyGroups };
    case 'displayTemplatesFile':
      return { kind: 'displayTemplate', defs: document.displayTemplates };
    default:
      return assertNever(document, 'document');
  }
}

/**
 * Changes definitions in the YAML below `dir` with the smallest diff: only the members that
 * change are rewritten, in the written form catalyst would use; everything else in the file
 * (comments, member order, quoting, flow or block style, the shorthands people wrote) stays as it
 * is. A new content type gets its own file; a removed one takes its file with it; groups and
 * templates change in the list that holds them, and new ones join the first such list (or a new
 * file when there is none). Returns the absolute paths written or removed.
 */
export async function editContentTypeFiles(dir: string, edits: readonly YamlEdit[], options: EditOptions): Promise<string[]> {
  const root = resolve(options.cwd, dir);
  const parsed = await parseContentTypeFiles(root, { cwd: options.cwd, defaults: options.defaults });
  const holding = (kind: ResourceKind, key?: string) =>
    parsed.documents.find((document) => {
      const held = definitionsOf(document);
      return held.kind === kind && (key === undefined || held.defs.some((def) => def.key === key));
    });
  const changed = new Map<string, { yaml: Document; original: string; baseline: string }>();
  const removed: string[] = [];
  const created = new Map<ResourceKind, Definition[]>();

  const open = async (document: ParsedDocument) => {
    const path = resolve(options.cwd, document.file);
    const existing = changed.get(path);
    if (existing) return existing.yaml;
    const original = await readFile(path, 'utf8');
    const yaml = parseDocument(original);
    changed.set(path, { yaml, original, baseline: parseDocument(original).toString(TO_STRING) });
    return yaml;
  };
  const written = (kind: ResourceKind, def: Definition) => writtenForm(kind, def, options.defaults);

  for (const edit of edits) {
    const document = holding(edit.kind, edit.key);
    const before = document ? definitionsOf(document).defs.find((def) => def.key === edit.key) : undefined;
    if (YAML_KINDS[edit.kind].ownFile) {
      if (!edit.after) {
        if (document) removed.push(resolve(options.cwd, document.file));
      } else if (!document || !before) {
        created.set(edit.kind, [...(created.get(edit.kind) ?? []), edit.after]);
      } else {
        editMembers(await open(document), [], asRecord(written(edit.kind, before)), asRecord(written(edit.kind, edit.after)), 1);
      }
      continue;
    }
    const member = kindOf(edit.kind).section;
    if (!document) {
      if (!edit.after) continue;
      const list = holding(edit.kind);
      if (!list) {
        created.set(edit.kind, [...(created.get(edit.kind) ?? []), edit.after]);
        continue;
      }
      const yaml = await open(list);
      const node = yaml.createNode(written(edit.kind, edit.after)) as Node;
      applyFlow(node, 2, 2);
      yaml.addIn([member], node);
      continue;
    }
    const yaml = await open(document);
    const entries = yaml.get(member, true);
    const index = isSeq(entries) ? entries.items.findIndex((item) => keyOf(item) === edit.key) : -1;
    if (index < 0) continue;
    if (!edit.after) {
      yaml.deleteIn([member, index]);
      continue;
    }
    const [was, will] = [before ? written(edit.kind, before) : undefined, written(edit.kind, edit.after)];
    if (isRecord(was) && isRecord(will) && isMap(yaml.getIn([member, index], true))) {
      editMembers(yaml, [member, String(index)], was, will, 0);
      continue;
    }
    const node = yaml.createNode(will) as Node;
    applyFlow(node, 2, 2);
    yaml.setIn([member, index], node);
  }

  const paths: string[] = [];
  for (const [path, { yaml, original, baseline }] of changed) {
    if (removed.includes(path)) continue;
    await writeTextAtomic(path, keepUntouchedLines(original, baseline, yaml.toString(TO_STRING)));
    paths.push(path);
  }
  for (const path of removed) {
    await unlink(path);
    paths.push(path);
  }
  if (created.size > 0) {
    const groups = created.get('propertyGroup') as PropertyGroupDef[] | undefined;
    const templates = created.get('displayTemplate') as DisplayTemplateDef[] | undefined;
    const files = await writeContentTypeFiles(root, (created.get('contentType') ?? []) as ContentTypeDef[], {
      cwd: options.cwd,
      defaults: options.defaults,
      ...(options.schema ? { schema: options.schema } : {}),
      ...(groups ? { propertyGroups: groups } : {}),
      ...(templates ? { displayTemplates: templates } : {}),
    });
    paths.push(...files.filter((file) => file.status !== 'unchanged').map((file) => file.path));
  }
  return paths;
}

/**
 * The edited text with every line the edit did not touch taken from the original, byte for byte.
 * The YAML library re-renders a whole document (comment spacing, quoting); comparing its rendering
 * before and after the edit finds the lines the edit changed. When the library's rendering of
 * the untouched document does not match the original line for line, its rendering is used.
 */
function keepUntouchedLines(original: string, baseline: string, edited: string): string {
  const originalLines = original.split('\n');
  const baselineLines = baseline.split('\n');
  if (originalLines.length !== baselineLines.length) return edited;
  const lines: string[] = [];
  let index = 0;
  for (const part of diffArrays(baselineLines, edited.split('\n'))) {
    if (part.added) lines.push(...part.value);
    else if (part.removed) index += part.value.length;
    else {
      lines.push(...originalLines.slice(index, index + part.value.length));
      index += part.value.length;
    }
  }
  return lines.join('\n');
}

function keyOf(item: unknown): string | undefined {
  const value = (item as { toJSON?: () => unknown }).toJSON?.();
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'key' in value) return String((value as { key: unknown }).key);
  return undefined;
}

/**
 * Rewrites only what differs between the written forms `before` and `after` under `path`:
 * members and properties that are equal are not touched; a changed property that is a mapping on
 * both sides (and in the file) changes member by member, so its untouched members keep their text.
 */
function editMembers(yaml: Document, path: string[], before: Record<string, unknown>, after: Record<string, unknown>, depth: number): void {
  for (const member of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const [was, will] = [before[member], after[member]];
    if (deepEqual(was, will)) continue;
    const at = [...path, member];
    if (will === undefined) {
      yaml.deleteIn(at);
      continue;
    }
    const node = yaml.getIn(at, true);
    if (depth > 0 && isRecord(was) && isRecord(will) && isMap(node)) {
      editMembers(yaml, at, was, will, member === 'properties' && depth === 1 ? 1 : depth - 1);
      continue;
    }
    const created = yaml.createNode(will) as Node;
    applyFlow(created, 2 * at.length, member.length + 2);
    yaml.setIn(at, created);
  }
}

function asRecord(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
