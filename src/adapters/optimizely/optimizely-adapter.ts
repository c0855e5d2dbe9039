import { isAdapterError } from '../errors.js';
import type { BatchPort, PlatformAdapter, ResourcePorts } from '../port.js';
import type { ApiClient, ApiResult } from './api-client.js';
import { contentItemsPath, ROOT_CONTENT_KEY, type ApiVersion, type Endpoints } from './endpoints.js';
import { OPTIMIZELY_PROFILE } from './profile.js';
import { ManifestPort } from './manifest-port.js';
import { OptimizelyResourcePort } from './resource-port.js';
import { WireReader } from './wire-reader.js';
import { WIRE_KINDS } from './wire-kinds.js';

/** The Optimizely CMS (SaaS, CMS 13, the emulator) behind the platform port. */
export class OptimizelyAdapter implements PlatformAdapter {
  readonly profile = OPTIMIZELY_PROFILE;
  readonly resources: ResourcePorts;
  /** v1 has the manifest; preview3 has none. */
  readonly batch?: BatchPort;

  constructor(
    private readonly api: ApiClient,
    private readonly version: ApiVersion,
    private readonly endpoints: Endpoints,
  ) {
    this.resources = {
      propertyGroup: new OptimizelyResourcePort(api, version, WIRE_KINDS.propertyGroup),
      contentType: new OptimizelyResourcePort(api, version, WIRE_KINDS.contentType),
      displayTemplate: new OptimizelyResourcePort(api, version, WIRE_KINDS.displayTemplate),
    };
    if (version === 'v1') this.batch = new ManifestPort(api, version);
  }

  describe(): string {
    return `optimizely ${this.version} at ${this.endpoints.apiRoot}`;
  }

  /**
   * Items of the type under the CMS root, through the content API's "list items of a container"
   * operation (src/emulator/FIDELITY.md). On the emulator every item is under the root, so the
   * count is exact; on the real service it counts the root's direct children only and is a lower
   * bound. `null` when the platform does not serve the route (404) or the credentials may not
   * read content (403), or when it does not say.
   */
  async countContentItems(contentTypeKey: string): Promise<number | null> {
    let result: ApiResult;
    try {
      result = await this.api.send({
        method: 'GET',
        path: contentItemsPath(this.version, ROOT_CONTENT_KEY),
        query: { contentTypes: contentTypeKey, pageSize: 1 },
      });
    } catch (error) {
      if (isAdapterError(error) && (error.kind === 'not_found' || error.kind === 'forbidden')) return null;
      throw error;
    }
    const page = WireReader.of('the content item page', result.body ?? null);
    const total = page.number('totalCount') ?? page.number('totalItemCount');
    if (total !== undefined) return total;
    return (page.list('items') ?? []).length === 0 ? 0 : null;
  }
}
