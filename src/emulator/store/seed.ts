import type { ContentTypeDoc, PropertyGroupDoc } from './documents.js';

/**
 * The key of the root content item: the well-known GUID of the CMS root page, written the way
 * SaaS writes content keys (lower case, no dashes) [INF]. Items are created under it by default.
 */
export const ROOT_CONTENT_KEY = '43f936c99b234ea397b261c538ad07c9';

/** Source marker of everything the emulator seeds as read-only. */
export const SYSTEM_SOURCE = 'system';

/**
 * Read-only system types (non-empty `source`). Keys: ImageMedia/VideoMedia/GenericMedia [remkoj
 * CLI], SysContentFolder [3P], SysRoot for the root item [INF]. Display names and extensions [INF].
 */
export const SYSTEM_CONTENT_TYPES: readonly ContentTypeDoc[] = [
  { key: 'SysRoot', displayName: 'Root', baseType: '_folder', mayContainTypes: ['*'], properties: {} },
  { key: 'SysContentFolder', displayName: 'Folder', baseType: '_folder', mayContainTypes: ['*'], properties: {} },
  {
    key: 'ImageMedia',
    displayName: 'Image',
    baseType: '_image',
    mediaFileExtensions: ['gif', 'jpeg', 'jpg', 'png', 'svg', 'webp'],
    properties: { AltText: { type: 'string', displayName: 'Alternative text', isLocalized: true } },
  },
  { key: 'VideoMedia', displayName: 'Video', baseType: '_video', mediaFileExtensions: ['mp4', 'webm'], properties: {} },
  { key: 'GenericMedia', displayName: 'Generic media', baseType: '_media', mediaFileExtensions: ['pdf', 'txt', 'zip'], properties: {} },
];

/**
 * Built-in types that users extend and that the live service returns with an empty `source`:
 * the corpus holds BlankExperience with user-added properties (pulled from live CMSes), and the
 * official CLI drops these two keys from `config pull` by name, which it would not need to if the
 * server already hid them as read-only [CORPUS][CLI]. Descriptions as pulled [CORPUS].
 */
export const BUILT_IN_CONTENT_TYPES: readonly ContentTypeDoc[] = [
  {
    key: 'BlankExperience',
    displayName: 'Blank Experience',
    description: 'An experience without a predefined layout.',
    baseType: '_experience',
    mayContainTypes: ['*'],
    properties: {},
  },
  {
    key: 'BlankSection',
    displayName: 'Blank Section',
    description: 'A section without a predefined layout.',
    baseType: '_section',
    compositionBehaviors: ['sectionEnabled'],
    properties: {},
  },
];

/**
 * Built-in property groups, read-only. Keys as referenced by live types in the corpus
 * (Information, Advanced, Categories) and a third-party list; display names "Content" and
 * "Settings" as the SDK names them [CORPUS][3P][CLI]. Sort orders [INF].
 */
export const SYSTEM_PROPERTY_GROUPS: readonly PropertyGroupDoc[] = [
  { key: 'Information', displayName: 'Content', sortOrder: 10 },
  { key: 'Scheduling', displayName: 'Scheduling', sortOrder: 20 },
  { key: 'Advanced', displayName: 'Settings', sortOrder: 30 },
  { key: 'Shortcut', displayName: 'Shortcut', sortOrder: 40 },
  { key: 'Categories', displayName: 'Categories', sortOrder: 50 },
  { key: 'DynamicBlocks', displayName: 'Dynamic blocks', sortOrder: 60 },
];
