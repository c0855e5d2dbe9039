import type { Handler } from '../http/router.js';

/** Version of the CMS the emulator says it is; the shape is what tools read from `GET /info` [remkoj]. */
export const EMULATED_CMS_VERSION = 'catalyst-emulator';

/** `GET /info`: `{apiVersion, serviceVersion, cmsVersion}` [3P: remkoj create-client]. */
export const getInfo: Handler = (context) => ({
  status: 200,
  body: { apiVersion: context.dialect.apiVersion, serviceVersion: EMULATED_CMS_VERSION, cmsVersion: EMULATED_CMS_VERSION },
});
