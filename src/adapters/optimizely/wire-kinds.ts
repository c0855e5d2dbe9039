import type { Definition, ResourceDefs, ResourceKind } from '../../core/model.js';
import { normalizeContentType, normalizeDisplayTemplate, normalizePropertyGroup } from '../../core/normalize.js';
import { listAll, listOnce } from './list-all.js';
import type { ApiClient } from './api-client.js';
import type { ApiVersion } from './endpoints.js';
import { OPTIMIZELY_DEFAULTS } from './profile.js';
import { contentTypeFromWire, displayTemplateFromWire, propertyGroupFromWire } from './to-canonical.js';
import { contentTypeToWire, displayTemplateToWire, propertyGroupToWire, type UnsupportedMembers, type WireJson } from './to-wire.js';

/** How one resource kind travels over the Optimizely REST API: the adapter mapping of the kind table. */
export interface WireKind<T extends Definition> {
  /** For messages: 'content type'. */
  noun: string;
  /** The collection's path: '/contenttypes'. */
  collection: string;
  /** Reads every resource: paged, or one page where the API ignores paging. */
  list(api: ApiClient, path: string, what: string): Promise<unknown[]>;
  fromWire(body: unknown): T;
  /** `previous`: what the platform holds, for an update (see UnsupportedMembers). */
  toWire(def: T, version: ApiVersion, unsupported: UnsupportedMembers, previous?: T): WireJson;
  normalize(def: T): T;
  /** Members the platform fixes at creation: a patch never carries them, an update may not change them. */
  immutable: ReadonlyArray<keyof T & string>;
}

export const WIRE_KINDS = {
  propertyGroup: {
    noun: 'property group',
    collection: '/propertygroups',
    list: listOnce,
    fromWire: propertyGroupFromWire,
    toWire: (def) => propertyGroupToWire(def),
    normalize: (def) => normalizePropertyGroup(def, OPTIMIZELY_DEFAULTS),
    immutable: ['key'],
  },
  contentType: {
    noun: 'content type',
    collection: '/contenttypes',
    list: listAll,
    fromWire: contentTypeFromWire,
    toWire: contentTypeToWire,
    normalize: (def) => normalizeContentType(def, OPTIMIZELY_DEFAULTS),
    immutable: ['key', 'baseType', 'isContract'],
  },
  displayTemplate: {
    noun: 'display template',
    collection: '/displaytemplates',
    list: listAll,
    fromWire: displayTemplateFromWire,
    toWire: (def) => displayTemplateToWire(def),
    normalize: normalizeDisplayTemplate,
    immutable: ['key'],
  },
} as const satisfies { [K in ResourceKind]: WireKind<ResourceDefs[K]> };
