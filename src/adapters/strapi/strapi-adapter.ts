import type { PlatformAdapter, ResourcePorts } from '../port.js';
import { AbsentKindPort } from './absent-kind-port.js';
import { StrapiContentTypePort } from './content-type-port.js';
import { STRAPI_PROFILE } from './profile.js';
import type { StrapiClient } from './strapi-client.js';

/** A Strapi 5 server (run with `strapi develop`) behind the platform port. */
export class StrapiAdapter implements PlatformAdapter {
  readonly profile = STRAPI_PROFILE;
  readonly resources: ResourcePorts;
  private readonly contentTypes: StrapiContentTypePort;

  constructor(private readonly client: StrapiClient) {
    this.contentTypes = new StrapiContentTypePort(client);
    this.resources = {
      propertyGroup: new AbsentKindPort('property group'),
      contentType: this.contentTypes,
      displayTemplate: new AbsentKindPort('display template'),
    };
  }

  describe(): string {
    return `strapi v5 at ${this.client.options.url}`;
  }

  /**
   * Entries of a collection type (all locales and draft/published versions count once per
   * document), 0 or 1 for a single type, through the admin content-manager API. `null` for a
   * component (its data lives inside the types that use it) or an unknown type.
   */
  async countContentItems(contentTypeKey: string): Promise<number | null> {
    const held = await this.contentTypes.read(contentTypeKey);
    if (!held || held.component) return null;
    if (held.schema.kind === 'singleType') {
      const single = await this.client.send('GET', `/content-manager/single-types/${held.uid}`, undefined, [404]);
      return single.status === 404 ? 0 : 1;
    }
    const page = await this.client.send('GET', `/content-manager/collection-types/${held.uid}?page=1&pageSize=1`);
    const total = (page.body as { pagination?: { total?: unknown } } | null)?.pagination?.total;
    return typeof total === 'number' ? total : null;
  }
}
