/**
 * Stable codes of the semantic validation of the desired state (`validateDesired`). Codes are
 * never reused for another meaning; the README documents them from this table.
 */
export const VALIDATION_CODES = {
  V001: 'Invalid content type key',
  V002: 'Duplicate key in the desired state',
  V003: 'Missing displayName',
  V004: 'displayName too long',
  V005: 'description too long',
  V006: 'Invalid property key',
  V007: 'Array property without items',
  V008: 'items on a property that is not an array',
  V009: 'Nested array',
  V010: 'Component without contentType',
  V011: 'Attribute not allowed for the property type',
  V012: 'compositionBehaviors on a type that is not a component',
  V013: 'baseType missing, or present on a contract',
  V014: 'contracts names a type that is not a contract',
  V015: 'Unknown property group',
  V016: 'Unknown content type reference',
  V017: 'Desired type is a read-only platform type',
  V018: 'Lower bound greater than upper bound',
  V019: 'Enum value does not match the property type',
  V020: 'indexingType not allowed on a reference property (warning)',
  V021: 'Invalid property group key',
  V022: 'Invalid property group displayName',
  V023: 'Invalid bound',
  V024: 'Pattern does not parse as a regular expression (warning)',
  V025: 'Unknown property type or base type',
  V026: 'Property group key is reserved by the platform',
  V027: 'Duplicate enum value',
  V028: 'Invalid display template key',
  V029: 'Invalid display template displayName',
  V030: 'Display template targets more than one of nodeType, baseType and contentType',
  V031: "A member the target's API version cannot store",
  V032: "A property type the target's API version does not accept",
} as const;

export type ValidationCode = keyof typeof VALIDATION_CODES;
