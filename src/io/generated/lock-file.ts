/* Generated from schemas/lock.schema.json by scripts/gen-types.ts. Do not edit: edit the schema and run `npm run gen:types`. */

/**
 * `sha256:` and the hex SHA-256 of the definition's canonical JSON.
 *
 * This interface was referenced by `LockFile`'s JSON-Schema
 * via the `definition` "digest".
 */
export type LockDigest = string;
/**
 * A content type in the canonical model (src/core/model.ts), normalized. Closed: a member this catalyst does not know means a newer catalyst wrote the file.
 *
 * This interface was referenced by `LockFile`'s JSON-Schema
 * via the `definition` "contentTypeDef".
 */
export type LockContentTypeDefinition = import('../../core/model.js').ContentTypeDef;
/**
 * The live version the last sync saw: the ETag exactly as the server sent it and/or its lastModified timestamp. Empty when the platform gave neither.
 *
 * This interface was referenced by `LockFile`'s JSON-Schema
 * via the `definition` "version".
 */
export type LockVersionToken = import('../../core/model.js').VersionToken;
/**
 * ISO 8601 date-time (UTC).
 *
 * This interface was referenced by `LockFile`'s JSON-Schema
 * via the `definition` "timestamp".
 */
export type LockTimestamp = string;
/**
 * Who synced: the tool and version, and the user or CI job when known.
 *
 * This interface was referenced by `LockFile`'s JSON-Schema
 * via the `definition` "actor".
 */
export type LockActor = string;
/**
 * This interface was referenced by `LockFile`'s JSON-Schema
 * via the `definition` "propertyGroupDef".
 */
export type LockPropertyGroupDefinition = import('../../core/model.js').PropertyGroupDef;
/**
 * A display template in the canonical model (src/core/model.ts), normalized. Closed, like the other definitions.
 *
 * This interface was referenced by `LockFile`'s JSON-Schema
 * via the `definition` "displayTemplateDef".
 */
export type LockDisplayTemplateDefinition = import('../../core/model.js').DisplayTemplateDef;
/**
 * This interface was referenced by `LockFile`'s JSON-Schema
 * via the `definition` "accessRight".
 */
export type LockAccessRight = import('../../core/model.js').AccessRight;
/**
 * This interface was referenced by `LockFile`'s JSON-Schema
 * via the `definition` "propertyDef".
 */
export type LockPropertyDefinition = import('../../core/model.js').PropertyDef;
/**
 * This interface was referenced by `LockFile`'s JSON-Schema
 * via the `definition` "itemDef".
 */
export type LockItemDefinition = import('../../core/model.js').ItemDef;
/**
 * This interface was referenced by `LockFile`'s JSON-Schema
 * via the `definition` "enumValue".
 */
export type LockEnumValue = import('../../core/model.js').EnumValue;

/**
 * catalyst.lock.json: the base state. Per target, the canonical form of every resource as last synced (the merge base of the next plan), its digest, the live version token and when and by whom it was synced; per source (e.g. a Catalyst Studio database), what was last imported from it. Written by catalyst only: sorted keys, 2-space JSON, a trailing newline. Commit it.
 */
export interface LockFile {
  /**
   * The lockfile format version. A catalyst that knows an older version refuses a newer file rather than misread it.
   */
  lockVersion: 1;
  /**
   * Per target name (as in the config): what catalyst last synced to it.
   */
  targets?: {
    [k: string]: LockTarget | undefined;
  };
  /**
   * Per source name (e.g. `catalyst`): what was last imported from it, the base of the next re-import.
   */
  sources?: {
    [k: string]: LockSource | undefined;
  };
}
/**
 * This interface was referenced by `LockFile`'s JSON-Schema
 * via the `definition` "lockTarget".
 */
export interface LockTarget {
  /**
   * Per content type key.
   */
  contentTypes?: {
    [k: string]: ContentTypeLockEntry | undefined;
  };
  /**
   * Per property group key.
   */
  propertyGroups?: {
    [k: string]: PropertyGroupLockEntry | undefined;
  };
  /**
   * Per display template key.
   */
  displayTemplates?: {
    [k: string]: DisplayTemplateLockEntry | undefined;
  };
  /**
   * The hash of the newest record of this target's history (catalyst.history/<target>.jsonl) when the lockfile was written: `catalyst history verify` checks that the history still holds it, so records removed from its end are detected.
   */
  historyHead?: string;
}
/**
 * This interface was referenced by `LockFile`'s JSON-Schema
 * via the `definition` "contentTypeEntry".
 */
export interface ContentTypeLockEntry {
  /**
   * The YAML marks this type `protect: true`: a plan that deletes it is blocked (PL117) until a change that removes the flag has been applied.
   */
  protected?: true;
  /**
   * The type's semantic version: 1.0.0 when catalyst created or first recorded it, then bumped by each applied change (breaking or destructive → major, additive → minor, other → patch).
   */
  semver?: string;
  digest: LockDigest;
  definition: LockContentTypeDefinition;
  version: LockVersionToken;
  syncedAt: LockTimestamp;
  syncedBy: LockActor;
}
/**
 * This interface was referenced by `LockFile`'s JSON-Schema
 * via the `definition` "propertyGroupEntry".
 */
export interface PropertyGroupLockEntry {
  digest: LockDigest;
  definition: LockPropertyGroupDefinition;
  version: LockVersionToken;
  syncedAt: LockTimestamp;
  syncedBy: LockActor;
}
/**
 * This interface was referenced by `LockFile`'s JSON-Schema
 * via the `definition` "displayTemplateEntry".
 */
export interface DisplayTemplateLockEntry {
  digest: LockDigest;
  definition: LockDisplayTemplateDefinition;
  version: LockVersionToken;
  syncedAt: LockTimestamp;
  syncedBy: LockActor;
}
/**
 * This interface was referenced by `LockFile`'s JSON-Schema
 * via the `definition` "lockSource".
 */
export interface LockSource {
  /**
   * Per content type key.
   */
  contentTypes?: {
    [k: string]: ContentTypeSourceEntry | undefined;
  };
  /**
   * Per property group key.
   */
  propertyGroups?: {
    [k: string]: PropertyGroupSourceEntry | undefined;
  };
  /**
   * Per display template key.
   */
  displayTemplates?: {
    [k: string]: DisplayTemplateSourceEntry | undefined;
  };
}
/**
 * This interface was referenced by `LockFile`'s JSON-Schema
 * via the `definition` "contentTypeSourceEntry".
 */
export interface ContentTypeSourceEntry {
  digest: LockDigest;
  definition: LockContentTypeDefinition;
  importedAt: LockTimestamp;
  origin: LockOrigin;
}
/**
 * Where in the source the resource came from (source-specific: database file, website, row id …). Never holds secrets.
 *
 * This interface was referenced by `LockFile`'s JSON-Schema
 * via the `definition` "origin".
 */
export interface LockOrigin {
  [k: string]: unknown | undefined;
}
/**
 * This interface was referenced by `LockFile`'s JSON-Schema
 * via the `definition` "propertyGroupSourceEntry".
 */
export interface PropertyGroupSourceEntry {
  digest: LockDigest;
  definition: LockPropertyGroupDefinition;
  importedAt: LockTimestamp;
  origin: LockOrigin;
}
/**
 * This interface was referenced by `LockFile`'s JSON-Schema
 * via the `definition` "displayTemplateSourceEntry".
 */
export interface DisplayTemplateSourceEntry {
  digest: LockDigest;
  definition: LockDisplayTemplateDefinition;
  importedAt: LockTimestamp;
  origin: LockOrigin;
}
