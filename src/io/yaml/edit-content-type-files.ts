import { readFile, unlink } from 'node:fs/promises';
import { resolve } from 'node:path';
import { diffArrays } from 'diff';
import { isMap, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { deepEqual } from '../../core/deep-equal.js';
import type { ServerDefaults } from '../../core/defaults.js';
import type { ContentTypeDef, Definition, DisplayTemplateDef, PropertyGroupDef, ResourceKind } from '../../core/model.js';
import { writeTextAtomic } from '../fs/write-text-atomic.js';
import { compactContentType, compactPropertyGroups } from './compact-content-type.js';
import { compactDisplayTemplates } from './display-templates-yaml.js';
import { applyFlow, TO_STRING } from './format-content-type-yaml.js';
import { parseContentTypeFiles } from './parse-content-type-files.js';
import type { ParsedDocument } from './parse-content-type-text.js';
import { writeContentTypeFiles } from './write-content-type-files.js';

/** One definition to change in the YAML: `before` is what the YAML holds now (canonical), `after` what it should hold. */
export interface YamlEdit {
  kind: ResourceKind;
  key: string;
  action: 'write' | 'create' | 'remove';
  before?: Definition;
  after: Definition | null;
}

export interface EditOptions {
  cwd: string;
  defaults: ServerDefaults;
  /** The content type JSON Schema, for the editor line of new files (see writeContentTypeFiles). */
  schema?: string;
}

const LIST_MEMBER = { propertyGroup: 'propertyGroups', displayTemplate: 'displayTemplates' } as const;

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
  const holder = (kind: ResourceKind, key: string) => parsed.documents.find((document) => holds(document, kind, key));
  const changed = new Map<string, { yaml: Document; original: string; baseline: string }>();
  const removed: string[] = [];
  const created: ContentTypeDef[] = [];
  const newGroups: PropertyGroupDef[] = [];
  const newTemplates: DisplayTemplateDef[] = [];

  const open = async (document: ParsedDocument) => {
    const path = resolve(options.cwd, document.file);
    const existing = changed.get(path);
    if (existing) return { path, yaml: existing.yaml };
    const original = await readFile(path, 'utf8');
    const yaml = parseDocument(original);
    changed.set(path, { yaml, original, baseline: parseDocument(original).toString(TO_STRING) });
    return { path, yaml };
  };

  for (const edit of edits) {
    const document = holder(edit.kind, edit.key);
    if (edit.kind === 'contentType') {
      if (edit.action === 'remove') {
        if (document) removed.push(resolve(options.cwd, document.file));
        continue;
      }
      const after = edit.after as ContentTypeDef;
      if (!document) {
        created.push(after);
        continue;
      }
      const { yaml } = await open(document);
      const before = document.kind === 'contentTypeFile' ? document.contentType : (edit.before as ContentTypeDef);
      editMembers(yaml, [], compact(before, options.defaults), compact(after, options.defaults), 1);
      continue;
    }
    const member = LIST_MEMBER[edit.kind];
    if (!document) {
      if (edit.action === 'remove' || !edit.after) continue;
      const list = parsed.documents.find(
        (candidate) => candidate.kind === (edit.kind === 'propertyGroup' ? 'propertyGroupsFile' : 'displayTemplatesFile'),
      );
      if (list) {
        const { yaml } = await open(list);
        const node = yaml.createNode(listEntry(edit.kind, edit.after, options.defaults)) as Node;
        applyFlow(node, 2, 2);
        yaml.addIn([member], node);
      } else if (edit.kind === 'propertyGroup') newGroups.push(edit.after as PropertyGroupDef);
      else newTemplates.push(edit.after as DisplayTemplateDef);
      continue;
    }
    const { yaml } = await open(document);
    const list = yaml.get(member, true);
    const index = isSeq(list)
      ? list.items.findIndex((item) => (item as Node & { toJSON(): unknown }).toJSON() !== null && keyOf(item) === edit.key)
      : -1;
    if (index < 0) continue;
    if (edit.action === 'remove' || !edit.after) {
      yaml.deleteIn([member, index]);
      continue;
    }
    const written = listEntry(edit.kind, edit.after, options.defaults);
    const before = listedDefinition(document, edit.key);
    const was = before ? listEntry(edit.kind, before, options.defaults) : undefined;
    if (isRecord(was) && isRecord(written) && isMap(yaml.getIn([member, index], true))) {
      editMembers(yaml, [member, String(index)], was, written, 0);
      continue;
    }
    const node = yaml.createNode(written) as Node;
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
  if (created.length > 0 || newGroups.length > 0 || newTemplates.length > 0) {
    const written = await writeContentTypeFiles(root, created, {
      cwd: options.cwd,
      defaults: options.defaults,
      ...(options.schema ? { schema: options.schema } : {}),
      ...(newGroups.length > 0 ? { propertyGroups: newGroups } : {}),
      ...(newTemplates.length > 0 ? { displayTemplates: newTemplates } : {}),
    });
    paths.push(...written.filter((file) => file.status !== 'unchanged').map((file) => file.path));
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

function holds(document: ParsedDocument, kind: ResourceKind, key: string): boolean {
  switch (document.kind) {
    case 'contentTypeFile':
      return kind === 'contentType' && document.contentType.key === key;
    case 'propertyGroupsFile':
      return kind === 'propertyGroup' && document.propertyGroups.some((group) => group.key === key);
    case 'displayTemplatesFile':
      return kind === 'displayTemplate' && document.displayTemplates.some((template) => template.key === key);
  }
}

/** The definition a list document holds for `key`, as parsed. */
function listedDefinition(document: ParsedDocument, key: string): Definition | undefined {
  if (document.kind === 'propertyGroupsFile') return document.propertyGroups.find((group) => group.key === key);
  if (document.kind === 'displayTemplatesFile') return document.displayTemplates.find((template) => template.key === key);
  return undefined;
}

function compact(def: ContentTypeDef, defaults: ServerDefaults): Record<string, unknown> {
  return compactContentType(def, defaults) as unknown as Record<string, unknown>;
}

function listEntry(kind: ResourceKind, def: Definition, defaults: ServerDefaults): unknown {
  return kind === 'propertyGroup'
    ? compactPropertyGroups([def as PropertyGroupDef], defaults).propertyGroups[0]
    : compactDisplayTemplates([def as DisplayTemplateDef]).displayTemplates[0];
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
