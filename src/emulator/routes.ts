import { MOUNTS, V1 } from './dialect/dialect.js';
import { createContent, deleteContent, getContent, listContentItems } from './handlers/content.js';
import { getInfo } from './handlers/info.js';
import { CONTENT_TYPES, DISPLAY_TEMPLATES, PROPERTY_GROUPS } from './handlers/kinds.js';
import { listContentTypes, listDisplayTemplates, listPropertyGroups } from './handlers/list-handlers.js';
import { exportManifest, importManifest } from './handlers/manifest.js';
import { resourceHandlers } from './handlers/resource-handlers.js';
import type { ResourceKind } from './handlers/resource-kind.js';
import { postToken } from './handlers/token.js';
import type { Handler } from './http/router.js';
import { Router } from './http/router.js';

/**
 * The API's route table: every dialect at each of its mounts (see MOUNTS), and the token endpoint
 * at the root as on the SaaS gateway [DOC]. `/_emulator/*` is not here: the server serves it
 * before the traffic layer.
 */
export function buildRouter(): Router {
  const router = new Router();
  router.add({ method: 'POST', path: '/oauth/token', dialect: V1, prefix: '', auth: false, handler: postToken });
  for (const { prefix, dialect } of MOUNTS) {
    const add = (method: string, path: string, handler: Handler, auth = true) =>
      router.add({ method, path: `${prefix}${path}`, dialect, prefix, auth, handler });
    add('POST', '/oauth/token', postToken, false);
    add('GET', '/info', getInfo, false);

    const addResource = <D extends { key: string }>(kind: ResourceKind<D>, list: Handler) => {
      const handlers = resourceHandlers(kind);
      add('GET', `/${kind.segment}`, list);
      add('POST', `/${kind.segment}`, handlers.create);
      add('GET', `/${kind.segment}/:key`, handlers.get);
      add('PATCH', `/${kind.segment}/:key`, handlers.patch);
      add('DELETE', `/${kind.segment}/:key`, handlers.remove);
      if (dialect.supportsPut) add('PUT', `/${kind.segment}/:key`, handlers.put);
    };
    addResource(CONTENT_TYPES, listContentTypes);
    addResource(PROPERTY_GROUPS, listPropertyGroups);
    addResource(DISPLAY_TEMPLATES, listDisplayTemplates);

    if (dialect.hasManifest) {
      add('GET', '/manifest', exportManifest);
      add('POST', '/manifest', importManifest);
    }

    add('POST', dialect.contentPath, createContent);
    add('GET', `${dialect.contentPath}/:key`, getContent);
    add('DELETE', `${dialect.contentPath}/:key`, deleteContent);
    add('GET', `${dialect.contentPath}/:key/items`, listContentItems);
  }
  return router;
}
