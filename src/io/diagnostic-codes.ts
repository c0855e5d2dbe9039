/**
 * The stable diagnostic codes of the io layer, with the one-line meaning the README documents.
 * A code never changes meaning once released; retired codes are not reused.
 *
 * Y: content type YAML files. C: the configuration. L: the lockfile.
 */
export const YAML_CODES = {
  syntax: 'Y001',
  duplicateMappingKey: 'Y002',
  notAMapping: 'Y003',
  emptyFile: 'Y004',
  multipleDocuments: 'Y005',
  unknownMember: 'Y006',
  schemaViolation: 'Y007',
  invalidKey: 'Y008',
  duplicateContentType: 'Y009',
  duplicatePropertyGroup: 'Y010',
  unreadableFile: 'Y011',
  notUtf8: 'Y012',
  missingDirectory: 'Y013',
  yamlWarning: 'Y014',
  noFiles: 'Y015',
} as const;

export const CONFIG_CODES = {
  unloadable: 'C001',
  schemaViolation: 'C002',
  unknownMember: 'C003',
  literalCredential: 'C004',
  unknownTarget: 'C005',
  ambiguousTarget: 'C006',
  missingCredentials: 'C007',
  invalidUrl: 'C008',
  configNotFound: 'C009',
  severalConfigFiles: 'C010',
  embeddedIgnoresEnvironment: 'C011',
} as const;

export const LOCK_CODES = {
  invalidJson: 'L001',
  schemaViolation: 'L002',
  newerVersion: 'L003',
  digestMismatch: 'L004',
  unreadable: 'L005',
  mergeConflict: 'L006',
} as const;

/** Every io code with its meaning, in code order: the source of the README's table. */
export const IO_DIAGNOSTIC_CODES: ReadonlyArray<{ code: string; meaning: string }> = [
  { code: YAML_CODES.syntax, meaning: 'YAML syntax error' },
  { code: YAML_CODES.duplicateMappingKey, meaning: 'the same key appears twice in one YAML mapping' },
  { code: YAML_CODES.notAMapping, meaning: 'the document is not a mapping (a list or a single value at the top)' },
  { code: YAML_CODES.emptyFile, meaning: 'the file holds no YAML document' },
  { code: YAML_CODES.multipleDocuments, meaning: 'more than one YAML document in one file' },
  { code: YAML_CODES.unknownMember, meaning: 'a member the format does not define (often a typo; a suggestion is given)' },
  { code: YAML_CODES.schemaViolation, meaning: 'a value of the wrong type, a missing member or a value out of range' },
  { code: YAML_CODES.invalidKey, meaning: 'a content type, property or property group key that is not a valid identifier' },
  { code: YAML_CODES.duplicateContentType, meaning: 'two files define the same content type key' },
  { code: YAML_CODES.duplicatePropertyGroup, meaning: 'the same property group key is defined twice' },
  { code: YAML_CODES.unreadableFile, meaning: 'a file could not be read' },
  { code: YAML_CODES.notUtf8, meaning: 'a file is not UTF-8 text' },
  { code: YAML_CODES.missingDirectory, meaning: 'the content types directory does not exist' },
  { code: YAML_CODES.yamlWarning, meaning: 'a YAML feature catalyst ignores (for example an unknown tag)' },
  { code: YAML_CODES.noFiles, meaning: 'the content types directory holds no YAML files (warning)' },
  { code: CONFIG_CODES.unloadable, meaning: 'the config file could not be read, parsed or run' },
  { code: CONFIG_CODES.schemaViolation, meaning: 'a config value of the wrong type or out of range' },
  { code: CONFIG_CODES.unknownMember, meaning: 'a config member catalyst does not know (a suggestion is given)' },
  { code: CONFIG_CODES.literalCredential, meaning: 'a credential written in the config file instead of the environment' },
  { code: CONFIG_CODES.unknownTarget, meaning: '`--target` names a target the config does not define' },
  { code: CONFIG_CODES.ambiguousTarget, meaning: 'several targets are defined and none was chosen' },
  { code: CONFIG_CODES.missingCredentials, meaning: 'the environment lacks the client id or secret of a remote target' },
  { code: CONFIG_CODES.invalidUrl, meaning: 'a target URL is not an http(s) URL' },
  { code: CONFIG_CODES.configNotFound, meaning: 'the file given with `--config` does not exist' },
  { code: CONFIG_CODES.severalConfigFiles, meaning: 'several config files in one directory; the first is used (warning)' },
  { code: CONFIG_CODES.embeddedIgnoresEnvironment, meaning: 'an embedded target ignores OPTIMIZELY_CMS_API_URL (warning)' },
  { code: LOCK_CODES.invalidJson, meaning: 'the lockfile is not valid JSON' },
  { code: LOCK_CODES.schemaViolation, meaning: 'the lockfile does not match its schema' },
  { code: LOCK_CODES.newerVersion, meaning: 'the lockfile was written by a newer catalyst' },
  { code: LOCK_CODES.digestMismatch, meaning: 'a lockfile entry does not match its digest (edited by hand or corrupted)' },
  { code: LOCK_CODES.unreadable, meaning: 'the lockfile could not be read' },
  { code: LOCK_CODES.mergeConflict, meaning: 'the lockfile holds git merge conflict markers' },
];
