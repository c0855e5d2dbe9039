import type { ServerDefaults } from '../../core/defaults.js';
import type { PlatformProfile } from '../platform-profile.js';
import { UNSTORABLE_MEMBERS } from './to-wire.js';

/** Values Optimizely CMS assumes when a member is absent. */
export const OPTIMIZELY_DEFAULTS: ServerDefaults = {
  contentTypeSortOrder: 0,
  propertySortOrder: 0,
  propertyGroupSortOrder: 0,
  required: false,
  localized: false,
  displayMode: 'available',
  accessRightType: 'role',
};

/**
 * Property groups Optimizely CMS provides on every instance. Sources disagree on their keys: the
 * SDK's types name Content, Settings, Scheduling, Shortcut, Categories and DynamicBlocks; a
 * third-party description of the live service (and the emulator, which follows it) names
 * Information and Advanced, displayed as "Content" and "Settings". Both spellings are accepted
 * so that YAML written either way validates offline as it does against a target. Properties may
 * use them without declaring them; declaring one is an error.
 */
export const OPTIMIZELY_BUILT_IN_GROUPS: readonly string[] = [
  'Advanced',
  'Categories',
  'Content',
  'DynamicBlocks',
  'Information',
  'Scheduling',
  'Settings',
  'Shortcut',
];

/** Group keys the platform refuses to create, whatever their case ("The TabDefinition name 'content' is reserved"). */
export const OPTIMIZELY_RESERVED_GROUP_KEYS: readonly string[] = ['content', 'settings'];

/** Content types every Optimizely instance has, for checking references without a target. */
export const OPTIMIZELY_SYSTEM_TYPES: readonly string[] = [
  'BlankExperience',
  'BlankSection',
  'GenericMedia',
  'ImageMedia',
  'SysContentFolder',
  'VideoMedia',
];

/** Optimizely CMS (SaaS, CMS 13) and the embedded emulator that stands in for it. */
export const OPTIMIZELY_PROFILE: PlatformProfile = {
  platform: 'optimizely',
  displayName: 'Optimizely',
  credentialsHint: 'the client credentials of an Optimizely API key',
  defaults: OPTIMIZELY_DEFAULTS,
  builtInGroups: OPTIMIZELY_BUILT_IN_GROUPS,
  reservedGroupKeys: OPTIMIZELY_RESERVED_GROUP_KEYS,
  systemTypes: OPTIMIZELY_SYSTEM_TYPES,
  apiVersions: ['v1', 'preview3'],
  versions: {
    v1: { version: 'v1', unstorable: UNSTORABLE_MEMBERS.v1, unsupportedPropertyTypes: ['binary'] },
    preview3: { version: 'preview3', unstorable: UNSTORABLE_MEMBERS.preview3, unsupportedPropertyTypes: [] },
  },
  env: { url: 'OPTIMIZELY_CMS_API_URL', clientId: 'OPTIMIZELY_CMS_CLIENT_ID', clientSecret: 'OPTIMIZELY_CMS_CLIENT_SECRET' },
  defaultApiUrl: 'https://api.cms.optimizely.com',
  embeddedCredentials: { clientId: 'catalyst-demo', clientSecret: 'catalyst-demo-secret' },
};
