import type { ServerDefaults } from '../../core/defaults.js';
import type { PlatformProfile } from '../platform-profile.js';

/** Values catalyst assumes for members Strapi has no place for (they are never sent: see `versions`). */
export const STRAPI_DEFAULTS: ServerDefaults = {
  contentTypeSortOrder: 0,
  propertySortOrder: 0,
  propertyGroupSortOrder: 0,
  required: false,
  localized: false,
  displayMode: 'available',
  accessRightType: 'role',
};

/** Canonical members Strapi's content-type-builder has no field for (docs/strapi-mapping.md). */
const UNSTORABLE = {
  type: ['sortOrder', 'mayContainTypes', 'mediaFileExtensions', 'compositionBehaviors', 'contracts', 'accessRights', 'isContract'],
  property: [
    'displayName',
    'description',
    'localized',
    'group',
    'sortOrder',
    'indexingType',
    'displayMode',
    'imageDescriptor',
    'restrictedTypes',
  ],
  item: ['format', 'minimum', 'maximum', 'enum', 'minLength', 'maxLength', 'pattern', 'restrictedTypes', 'editorSettings'],
} as const;

/** Strapi 5, run with `strapi develop` (schema writes need it). It has no embedded stand-in. */
export const STRAPI_PROFILE: PlatformProfile = {
  platform: 'strapi',
  displayName: 'Strapi',
  credentialsHint: 'the email and password of a Strapi admin user',
  defaults: STRAPI_DEFAULTS,
  builtInGroups: [],
  reservedGroupKeys: [],
  systemTypes: [],
  apiVersions: ['v5'],
  versions: {
    v5: {
      version: 'v5',
      unstorable: UNSTORABLE,
      unsupportedPropertyTypes: ['url', 'link', 'binary'],
      unstorableKinds: ['propertyGroup', 'displayTemplate'],
    },
  },
  env: { url: 'STRAPI_URL', clientId: 'STRAPI_ADMIN_EMAIL', clientSecret: 'STRAPI_ADMIN_PASSWORD' },
};
