/**
 * Property groups Optimizely CMS provides on every instance (the SDK's built-in group names).
 * Properties may use them without declaring them; declaring one is an error. The planner and
 * the validator take the list as a parameter, so another platform can supply its own.
 */
export const OPTIMIZELY_BUILT_IN_GROUPS: readonly string[] = ['Categories', 'Content', 'DynamicBlocks', 'Scheduling', 'Settings', 'Shortcut'];

/** Group keys the platform refuses to create, whatever their case ("The TabDefinition name 'content' is reserved"). */
export const OPTIMIZELY_RESERVED_GROUP_KEYS: readonly string[] = ['content', 'settings'];
