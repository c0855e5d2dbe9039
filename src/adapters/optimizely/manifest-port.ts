import type { Definition, LiveResource, ResourceKind } from '../../core/model.js';
import { kindOf } from '../../core/resource-kinds.js';
import { emptyLiveState, type LiveState } from '../../core/state.js';
import { AdapterError } from '../errors.js';
import { batchKey, type BatchPort, type BatchWrite } from '../port.js';
import type { ApiClient } from './api-client.js';
import type { ApiVersion } from './endpoints.js';
import { liveResource } from './live-resource.js';
import { WireReader } from './wire-reader.js';
import type { WireJson } from './to-wire.js';
import { WIRE_KINDS, type WireKind } from './wire-kinds.js';

/** The manifest's sections, in the order the platform imports them. */
const SECTIONS = ['propertyGroup', 'contentType', 'displayTemplate'] as const satisfies readonly ResourceKind[];
const MANIFEST_MEDIA_TYPE = 'application/vnd.optimizely.cms.v1.manifest+json';

/**
 * The v1 manifest (`GET /manifest`, `POST /manifest`) behind the batch port: everything in one
 * read, and creates and replacements of many resources in one write. The import answers 200 even
 * when it refused resources; those are in its `errors[]`, by section and key.
 */
export class ManifestPort implements BatchPort {
  constructor(
    private readonly api: ApiClient,
    private readonly version: ApiVersion,
  ) {}

  async readAll(): Promise<LiveState> {
    const result = await this.api.send({
      method: 'GET',
      path: '/manifest',
      query: { sections: SECTIONS.map((kind) => kindOf(kind).section), includeReadOnly: 'true' },
    });
    const manifest = WireReader.of('the manifest', result.body ?? null);
    const live = emptyLiveState();
    for (const kind of SECTIONS) {
      const wire = WIRE_KINDS[kind] as unknown as WireKind<Definition>;
      const { section } = kindOf(kind);
      const resources = (manifest.list(section) ?? []).map((item) => liveResource(wire.fromWire, item));
      (live[section] as Array<LiveResource<Definition>>).push(...resources);
    }
    return live;
  }

  /**
   * One POST per chunk of at most MAX_CHUNK_ITEMS resources and MAX_CHUNK_BYTES of JSON, in the
   * order given (the plan's: what others reference comes first), so no body meets the platform's
   * size limit.
   */
  async writeAll(items: readonly BatchWrite[]): Promise<Map<string, AdapterError>> {
    const refused = new Map<string, AdapterError>();
    for (const chunk of chunks(items.map((item) => ({ item, wire: this.wire(item) })))) {
      const body: Record<string, unknown[]> = {};
      for (const kind of SECTIONS) {
        const entries = chunk.filter(({ item }) => item.kind === kind).map(({ wire }) => wire);
        if (entries.length > 0) body[kindOf(kind).section] = entries;
      }
      const result = await this.api.send({ method: 'POST', path: '/manifest', body, contentType: MANIFEST_MEDIA_TYPE });
      for (const [key, error] of refusals(
        result.body,
        chunk.map(({ item }) => item),
      ))
        refused.set(key, error);
    }
    return refused;
  }

  private wire(item: BatchWrite): WireJson {
    const wire = WIRE_KINDS[item.kind] as unknown as WireKind<Definition>;
    return wire.toWire(wire.normalize(item.def), this.version, 'strict', item.previous && wire.normalize(item.previous));
  }
}

const MAX_CHUNK_ITEMS = 200;
const MAX_CHUNK_BYTES = 1_000_000;

function chunks<T extends { wire: WireJson }>(entries: T[]): T[][] {
  const result: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const entry of entries) {
    const size = JSON.stringify(entry.wire).length;
    if (current.length > 0 && (current.length >= MAX_CHUNK_ITEMS || bytes + size > MAX_CHUNK_BYTES)) {
      result.push(current);
      current = [];
      bytes = 0;
    }
    current.push(entry);
    bytes += size;
  }
  if (current.length > 0) result.push(current);
  return result;
}

/** The import's `errors[]`, by `kind:key`. An error the answer ties to no resource of the batch fails them all. */
function refusals(body: unknown, items: readonly BatchWrite[]): Map<string, AdapterError> {
  const errors = new Map<string, AdapterError>();
  const answer = WireReader.of('the manifest import result', body ?? {});
  for (const [index, entry] of (answer.list('errors') ?? []).entries()) {
    const error = WireReader.of(`the manifest import error ${index}`, entry);
    const message = error.string('message') ?? 'The platform refused it without saying why.';
    const section = error.string('section');
    const resource = error.string('resource');
    const kind = SECTIONS.find((candidate) => kindOf(candidate).section === section);
    const matching = items.filter(
      (item) => (kind === undefined || item.kind === kind) && (resource === undefined || item.def.key === resource),
    );
    const targets = matching.length > 0 ? matching : items;
    for (const item of targets) {
      const key = batchKey(item.kind, item.def.key);
      errors.set(
        key,
        new AdapterError({
          kind: 'validation',
          message: `POST /manifest: the platform refused ${WIRE_KINDS[item.kind].noun} '${item.def.key}': ${message}`,
          operation: 'POST /manifest',
        }),
      );
    }
  }
  return errors;
}
