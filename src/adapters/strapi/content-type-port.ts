import { digest } from '../../core/digest.js';
import type { ContentTypeDef, LiveResource } from '../../core/model.js';
import { normalizeContentType } from '../../core/normalize.js';
import { AdapterError } from '../errors.js';
import type { ResourcePort } from '../port.js';
import { componentKey, componentUid, contentTypeKey, contentTypeUid, isComponentKey, kebabOf, pluralOf } from './names.js';
import { STRAPI_DEFAULTS } from './profile.js';
import type { StrapiClient } from './strapi-client.js';
import { contentTypeFromStrapi, type StrapiSchema } from './to-canonical.js';
import { attributesToStrapi } from './to-wire.js';

/** A type as the server holds it: its canonical form and the schema it came from. */
interface Held {
  def: ContentTypeDef;
  schema: StrapiSchema;
  uid: string;
  component: boolean;
}

interface SchemaEntry {
  uid: string;
  category?: string;
  schema: StrapiSchema;
}

/** How long the server may stay unchanged after a write before the write counts as a no-op. */
const QUIET_MS = 5_000;

/**
 * Strapi content types (collection → `_page`, single → `_experience`) and components
 * (`_component`) as one kind. Strapi has no version tokens: a write re-reads the type first and
 * refuses with `stale` when it differs from what the change was planned against, and each write
 * waits until the restarted server shows it.
 */
export class StrapiContentTypePort implements ResourcePort<ContentTypeDef> {
  constructor(private readonly client: StrapiClient) {}

  async list(): Promise<Array<LiveResource<ContentTypeDef>>> {
    const [types, components] = await Promise.all([
      this.client.send('GET', '/content-type-builder/content-types'),
      this.client.send('GET', '/content-type-builder/components'),
    ]);
    const live: Array<LiveResource<ContentTypeDef>> = [];
    for (const entry of entries(types.body)) {
      const key = contentTypeKey(entry.uid);
      if (key) live.push(liveOf(contentTypeFromStrapi(key, entry.schema, false)));
    }
    for (const entry of entries(components.body)) live.push(liveOf(contentTypeFromStrapi(componentKey(entry.uid), entry.schema, true)));
    return live;
  }

  async get(key: string): Promise<LiveResource<ContentTypeDef> | null> {
    const held = await this.read(key);
    return held ? liveOf(held.def) : null;
  }

  async create(def: ContentTypeDef): Promise<LiveResource<ContentTypeDef>> {
    const component = def.baseType === '_component';
    if (!component && def.baseType !== '_page' && def.baseType !== '_experience') {
      throw new AdapterError({
        kind: 'validation',
        message: `Content type ${def.key} has base type ${String(def.baseType)}, which Strapi has no kind for. On Strapi use _page (collection type), _experience (single type) or _component (component).`,
      });
    }
    const attributes = attributesToStrapi(def);
    const payload = component
      ? {
          components: [{ action: 'create', ...componentNames(def.key), displayName: def.displayName, icon: 'cube', attributes }],
          contentTypes: [],
        }
      : { contentTypes: [{ action: 'create', ...contentTypeNames(def), draftAndPublish: false, attributes }], components: [] };
    await this.write(`creating ${def.key}`, payload);
    return liveOf((await this.settle(def.key, `creating ${def.key}`, (held) => held !== null)).def);
  }

  async update(previous: ContentTypeDef, next: ContentTypeDef): Promise<LiveResource<ContentTypeDef>> {
    const held = await this.readForWrite(next.key, previous);
    if (next.baseType !== held.def.baseType) {
      throw new AdapterError({
        kind: 'validation',
        message: `Content type ${next.key} cannot change its base type on Strapi (${String(held.def.baseType)} → ${String(next.baseType)}): a type's kind is fixed. Create a new type instead.`,
      });
    }
    const attributes = attributesToStrapi(next, held.schema.attributes);
    const common = { action: 'update', uid: held.uid, displayName: next.displayName, attributes };
    const payload = held.component
      ? { components: [{ ...common, category: componentUid(next.key).category, icon: held.schema.icon ?? 'cube' }], contentTypes: [] }
      : {
          contentTypes: [
            {
              ...common,
              kind: held.schema.kind,
              description: next.description ?? '',
              draftAndPublish: held.schema.draftAndPublish ?? false,
            },
          ],
          components: [],
        };
    await this.write(`updating ${next.key}`, payload);
    const before = JSON.stringify(held.schema);
    const settled = await this.settle(
      next.key,
      `updating ${next.key}`,
      (now) => now !== null && JSON.stringify(now.schema) !== before,
      true,
    );
    return liveOf(settled.def);
  }

  async delete(key: string): Promise<void> {
    const held = await this.read(key);
    if (!held) throw new AdapterError({ kind: 'not_found', message: `Strapi has no content type or component ${key} to delete.` });
    const entry = [{ action: 'delete', uid: held.uid }];
    await this.write(`deleting ${key}`, held.component ? { components: entry, contentTypes: [] } : { contentTypes: entry, components: [] });
    await this.settle(key, `deleting ${key}`, (now) => now === null);
  }

  /** The type's schema, as the server holds it now; `null` when absent. */
  async read(key: string): Promise<Held | null> {
    const component = isComponentKey(key);
    const uid = component ? componentUid(key).uid : contentTypeUid(key);
    const path = component ? `/content-type-builder/components/${uid}` : `/content-type-builder/content-types/${uid}`;
    const response = await this.client.send('GET', path, undefined, [404]);
    if (response.status === 404) return null;
    const entry = (response.body as { data?: SchemaEntry } | null)?.data;
    if (!entry?.schema)
      throw new AdapterError({ kind: 'protocol', operation: `GET ${path}`, message: `Strapi answered GET ${path} without a schema.` });
    return { def: contentTypeFromStrapi(key, entry.schema, component), schema: entry.schema, uid, component };
  }

  /**
   * Strapi has no ETag: the type is read right before the write and compared with what the
   * change was planned against. A write by someone else between this read and the write is not
   * detected (docs/strapi-mapping.md).
   */
  private async readForWrite(key: string, previous: ContentTypeDef): Promise<Held> {
    await this.client.waitUntilReady(`before writing ${key}`);
    const held = await this.read(key);
    if (!held) throw new AdapterError({ kind: 'stale', message: `Strapi's ${key} was deleted after it was read.` });
    if (digest(held.def) !== digest(normalizeContentType(previous, STRAPI_DEFAULTS))) {
      throw new AdapterError({ kind: 'stale', message: `Strapi's ${key} changed after it was read.` });
    }
    return held;
  }

  private async write(what: string, data: object): Promise<void> {
    await this.client.waitUntilReady(`before ${what}`);
    await this.client.send('POST', '/content-type-builder/update-schema', { data });
  }

  /** Waits for the server to restart and show the write; `quietIsDone` accepts a write that changed nothing visible. */
  private async settle(key: string, what: string, done: (held: Held | null) => boolean, quietIsDone = false): Promise<Held> {
    const { now, sleep, restartTimeoutMs } = this.client.options;
    const started = now();
    for (;;) {
      await this.client.waitUntilReady(`after ${what}`);
      const held = await this.read(key);
      if (done(held) || (quietIsDone && held && now() - started > QUIET_MS)) return held as Held;
      if (now() - started > restartTimeoutMs) {
        throw new AdapterError({
          kind: 'timeout',
          message: `Strapi accepted ${what} but did not show it within ${Math.round(restartTimeoutMs / 1000)} s. Check the server's log, then run \`catalyst plan\` to see what it holds.`,
        });
      }
      await sleep(250);
    }
  }
}

function contentTypeNames(def: ContentTypeDef): Record<string, unknown> {
  const singularName = kebabOf(def.key);
  return {
    uid: contentTypeUid(def.key),
    kind: def.baseType === '_experience' ? 'singleType' : 'collectionType',
    displayName: def.displayName,
    singularName,
    pluralName: pluralOf(singularName),
    description: def.description ?? '',
  };
}

function componentNames(key: string): Record<string, unknown> {
  const { uid, category } = componentUid(key);
  return { uid, category };
}

function entries(body: unknown): SchemaEntry[] {
  const data = (body as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) throw new AdapterError({ kind: 'protocol', message: 'Strapi answered a schema list without a data array.' });
  return data as SchemaEntry[];
}

/** Strapi has no version tokens: the engine then re-reads before each write (see verify-precondition.ts). */
function liveOf(def: ContentTypeDef): LiveResource<ContentTypeDef> {
  return { def, version: {}, readOnly: false };
}
