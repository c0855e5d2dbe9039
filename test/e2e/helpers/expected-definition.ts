import { contentTypeFromWire } from '../../../src/adapters/optimizely/to-canonical.js';
import type { ContentTypeDef, ItemDef, PropertyDef } from '../../../src/core/model.js';
import type { ApiVersion } from '../../../src/io/config/config.js';
import type { CorpusDialect } from '../../helpers/corpus-dialects.js';

/**
 * The canonical definition an import must produce for a corpus type: the type as its file
 * spells it, read into the canonical model, without the members that cannot reach catalyst.
 * preview3 carries no `contracts`, `accessRights`, `displayMode` or `editorSettings` (its
 * specification has none of them), so a type written through preview3, or read through it,
 * has none either.
 */
export function expectedDefinition(raw: unknown, loadedThrough: CorpusDialect, readThrough: ApiVersion): ContentTypeDef {
  const def = contentTypeFromWire(raw);
  return loadedThrough === 'preview3' || readThrough === 'preview3' ? withoutV1Only(def) : def;
}

function withoutV1Only(def: ContentTypeDef): ContentTypeDef {
  const { contracts: _contracts, accessRights: _accessRights, ...rest } = def;
  const properties: Record<string, PropertyDef> = {};
  for (const [key, property] of Object.entries(def.properties)) {
    const { displayMode: _displayMode, editorSettings: _editorSettings, items, ...kept } = property;
    properties[key] = items === undefined ? kept : { ...kept, items: withoutItemEditorSettings(items) };
  }
  return { ...rest, properties };
}

function withoutItemEditorSettings(items: ItemDef): ItemDef {
  const { editorSettings: _editorSettings, ...kept } = items;
  return kept;
}
