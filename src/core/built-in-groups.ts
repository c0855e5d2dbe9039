/**
 * Property groups Optimizely CMS provides on every instance. Sources disagree on their keys: the
 * SDK's types name Content, Settings, Scheduling, Shortcut, Categories and DynamicBlocks; a
 * third-party description of the live service (and the emulator, which follows it) names
 * Information and Advanced, displayed as "Content" and "Settings". Both spellings are accepted
 * so that YAML written either way validates offline as it does against a target. Properties may
 * use them without declaring them; declaring one is an error. The planner and the validator take
 * the list as a parameter, so another platform can supply its own.
 */
export const OPTIMIZELY_BUILT_IN_GROUPS: readonly string[] = ['Advanced', 'Categories', 'Content', 'DynamicBlocks', 'Information', 'Scheduling', 'Settings', 'Shortcut'];

/** Group keys the platform refuses to create, whatever their case ("The TabDefinition name 'content' is reserved"). */
export const OPTIMIZELY_RESERVED_GROUP_KEYS: readonly string[] = ['content', 'settings'];
