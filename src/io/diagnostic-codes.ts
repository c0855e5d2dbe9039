/**
 * The stable diagnostic codes of the io layer, with the one-line meaning docs/codes.md documents.
 * A code never changes meaning once released; retired codes are not reused.
 *
 * Y: content type YAML files. C: the configuration. L: the lockfile. R: data read from a CMS.
 * K: credentials saved with `catalyst login --save`. A: the access policy (catalyst.policy.yaml).
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
  duplicateDisplayTemplate: 'Y016',
  fileTooLarge: 'Y017',
  aliasExpansion: 'Y018',
  tooManyMembers: 'Y019',
  nestedTooDeeply: 'Y020',
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
  environmentOverridesUrl: 'C012',
  insecureUrl: 'C013',
  insecureUrlAllowed: 'C014',
  platformMismatch: 'C015',
} as const;

export const LOCK_CODES = {
  invalidJson: 'L001',
  schemaViolation: 'L002',
  newerVersion: 'L003',
  digestMismatch: 'L004',
  unreadable: 'L005',
  mergeConflict: 'L006',
  tooLarge: 'L007',
} as const;

export const REMOTE_CODES = {
  unsafeKey: 'R001',
} as const;

export const CREDENTIAL_CODES = {
  wrongPassphrase: 'K001',
  damagedFile: 'K002',
  fileTooOpen: 'K003',
} as const;

export const ACCESS_CODES = {
  syntax: 'A001',
  schemaViolation: 'A002',
  unknownMember: 'A003',
  unknownRole: 'A004',
  unknownTarget: 'A005',
  denied: 'A010',
} as const;

type IoCode =
  | (typeof YAML_CODES)[keyof typeof YAML_CODES]
  | (typeof CONFIG_CODES)[keyof typeof CONFIG_CODES]
  | (typeof LOCK_CODES)[keyof typeof LOCK_CODES]
  | (typeof REMOTE_CODES)[keyof typeof REMOTE_CODES]
  | (typeof CREDENTIAL_CODES)[keyof typeof CREDENTIAL_CODES]
  | (typeof ACCESS_CODES)[keyof typeof ACCESS_CODES];

/** The meaning of every io code; a code without one (or a meaning without a code) does not compile. */
const MEANINGS: Record<IoCode, string> = {
  [YAML_CODES.syntax]: 'YAML syntax error',
  [YAML_CODES.duplicateMappingKey]: 'the same key appears twice in one YAML mapping',
  [YAML_CODES.notAMapping]: 'the document is not a mapping (a list or a single value at the top)',
  [YAML_CODES.emptyFile]: 'the file holds no YAML document',
  [YAML_CODES.multipleDocuments]: 'more than one YAML document in one file',
  [YAML_CODES.unknownMember]: 'a member the format does not define (often a typo; a suggestion is given)',
  [YAML_CODES.schemaViolation]: 'a value of the wrong type, a missing member or a value out of range',
  [YAML_CODES.invalidKey]: 'a content type, property or property group key that is not a valid identifier',
  [YAML_CODES.duplicateContentType]: 'two files define the same content type key',
  [YAML_CODES.duplicatePropertyGroup]: 'the same property group key is defined twice',
  [YAML_CODES.unreadableFile]: 'a file could not be read',
  [YAML_CODES.notUtf8]: 'a file is not UTF-8 text',
  [YAML_CODES.missingDirectory]: 'the content types directory does not exist',
  [YAML_CODES.yamlWarning]: 'a YAML feature catalyst ignores (for example an unknown tag)',
  [YAML_CODES.noFiles]: 'the content types directory holds no YAML files (warning)',
  [YAML_CODES.duplicateDisplayTemplate]: 'the same display template key is defined twice',
  [YAML_CODES.fileTooLarge]: 'a YAML file is larger than 5 MB, the most catalyst reads per file (refused before parsing)',
  [YAML_CODES.aliasExpansion]: 'YAML aliases expand beyond the limit (an alias bomb)',
  [YAML_CODES.tooManyMembers]:
    'a content type with more than 10,000 properties, or a list file with more than 10,000 entries (refused before validation)',
  [YAML_CODES.nestedTooDeeply]: 'mappings or lists nested thousands of levels deep',
  [CONFIG_CODES.unloadable]: 'the config file could not be read, parsed or run',
  [CONFIG_CODES.schemaViolation]: 'a config value of the wrong type or out of range',
  [CONFIG_CODES.unknownMember]: 'a config member catalyst does not know (a suggestion is given)',
  [CONFIG_CODES.literalCredential]: 'a credential written in the config file instead of the environment',
  [CONFIG_CODES.unknownTarget]: '`--target` names a target the config does not define',
  [CONFIG_CODES.ambiguousTarget]: 'several targets are defined and none was chosen',
  [CONFIG_CODES.missingCredentials]: 'the environment lacks the client id or secret of a remote target',
  [CONFIG_CODES.invalidUrl]: 'a target URL is not an http(s) URL',
  [CONFIG_CODES.configNotFound]: 'the file given with `--config` does not exist',
  [CONFIG_CODES.severalConfigFiles]: 'several config files in one directory; the first is used (warning)',
  [CONFIG_CODES.embeddedIgnoresEnvironment]: 'an embedded target ignores OPTIMIZELY_CMS_API_URL (warning)',
  [CONFIG_CODES.environmentOverridesUrl]:
    'the environment names another CMS than the url the target states (unless the target opts in with urlEnv)',
  [CONFIG_CODES.insecureUrl]:
    'a target URL is plain http:// to a host other than this machine (the secret would cross the network unencrypted)',
  [CONFIG_CODES.insecureUrlAllowed]: 'a target allows plain http with `insecure: true` (warning, on every run)',
  [CONFIG_CODES.platformMismatch]:
    'a target names an API version, or an embedded emulator, its platform does not have (Strapi: `v5`, no `embedded`)',
  [LOCK_CODES.invalidJson]: 'the lockfile is not valid JSON',
  [LOCK_CODES.schemaViolation]: 'the lockfile does not match its schema',
  [LOCK_CODES.newerVersion]: 'the lockfile was written by a newer catalyst',
  [LOCK_CODES.digestMismatch]: 'a lockfile entry does not match its digest (edited by hand or corrupted)',
  [LOCK_CODES.unreadable]: 'the lockfile could not be read',
  [LOCK_CODES.tooLarge]: 'the lockfile is larger than 256 MB, the most catalyst reads (refused before reading)',
  [LOCK_CODES.mergeConflict]: 'the lockfile holds git merge conflict markers',
  [REMOTE_CODES.unsafeKey]:
    'the CMS has a key that breaks the rules of YAML keys (a path such as `../x`, `__proto__`): it is never written to a file or recorded',
  [CREDENTIAL_CODES.wrongPassphrase]:
    'the passphrase (CATALYST_KEY or typed) does not open the saved client secret, or the saved entry was changed',
  [CREDENTIAL_CODES.damagedFile]: 'the saved credentials file cannot be read or is not a catalyst credentials file',
  [CREDENTIAL_CODES.fileTooOpen]: 'the saved credentials file can be read by other users (it must be mode 0600)',
  [ACCESS_CODES.syntax]: 'the access policy is not valid YAML (or is too large, or its aliases expand too far)',
  [ACCESS_CODES.schemaViolation]: 'an access policy value of the wrong type, or a missing member',
  [ACCESS_CODES.unknownMember]: 'an access policy member catalyst does not know (a suggestion is given)',
  [ACCESS_CODES.unknownRole]: 'an access policy grant names a role the policy does not define',
  [ACCESS_CODES.unknownTarget]: 'the access policy has rules for a target the config does not define (warning)',
  [ACCESS_CODES.denied]: 'the access policy does not let this person run this command on this target',
};

/** Every io code with its meaning, in code order: the source of docs/codes.md. */
export const IO_DIAGNOSTIC_CODES: ReadonlyArray<{ code: string; meaning: string }> = Object.entries(MEANINGS).map(([code, meaning]) => ({
  code,
  meaning,
}));
