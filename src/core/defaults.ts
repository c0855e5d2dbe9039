/**
 * Values a platform assumes when a member is absent. Normalization removes members equal to
 * their default, so "absent" and "explicitly the default" never show as a change.
 * Each platform's profile (src/adapters) supplies its own; `normalize*` take them as a parameter.
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
