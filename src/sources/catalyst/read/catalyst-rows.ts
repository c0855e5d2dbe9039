/**
 * Catalyst Studio's tables as this source reads them (the PoC-era SQLite schema written by
 * Prisma; see docs/catalyst-mapping.md). Values are already decoded: timestamps are ISO strings,
 * JSON columns are still raw text, because a malformed row must be reported, not dropped.
 */

export interface CatalystWebsiteRow {
  id: string;
  name: string;
  category: string | null;
}

export interface CatalystContentTypeRow {
  id: string;
  websiteId: string;
  name: string;
  /** The raw `fields` column: Shape A (wrapper object) or Shape B (bare array) JSON text. */
  fieldsJson: string;
  /** The raw `settings` column; null when the column is NULL or absent. */
  settingsJson: string | null;
  /** The HEAD-era `category` column (page | component | folder) when the database has it. */
  category: string | null;
  /** ISO 8601, decoded from Prisma's integer milliseconds or SQLite's `YYYY-MM-DD HH:MM:SS` text. */
  createdAt: string | null;
  updatedAt: string | null;
}

/** What the content items of one type tell about its fields; used as evidence only. */
export interface ContentItemEvidence {
  itemCount: number;
  /** Items that have a non-empty `slug` column: the type is addressed by URL. */
  itemsWithSlug: number;
  /** Per data key, the numbers seen in the items' `data`. */
  numbers: Record<string, number[]>;
}

/** Everything the importer needs from one database, read in one pass. */
export interface CatalystSnapshot {
  /** The database file as given by the user, for messages. */
  file: string;
  websites: CatalystWebsiteRow[];
  /** Ordered by website, then name, then createdAt, then id: deterministic. */
  contentTypes: CatalystContentTypeRow[];
  /** Keyed by content type id; absent when the type has no items or the table is missing. */
  evidence: Record<string, ContentItemEvidence>;
}
