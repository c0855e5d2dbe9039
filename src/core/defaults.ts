/**
 * Values a platform assumes when a member is absent. Normalization removes members equal to
 * their default, so "absent" and "explicitly the default" never show as a change.
 * Passed to `normalize*` as a parameter so a platform with other defaults can supply its own.
 */
export interface ServerDefaults {
  contentTypeSortOrder: number;
  propertySortOrder: number;
  propertyGroupSortOrder: number;
  required: boolean;
  localized: boolean;
  displayMode: 'available' | 'hidden';
  accessRightType: 'user' | 'role' | 'application';
}

export const OPTIMIZELY_DEFAULTS: ServerDefaults = {
  contentTypeSortOrder: 0,
  propertySortOrder: 0,
  propertyGroupSortOrder: 0,
  required: false,
  localized: false,
  displayMode: 'available',
  accessRightType: 'role',
};
