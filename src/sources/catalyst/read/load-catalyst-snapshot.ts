import type { Diagnostic } from '../../../core/diagnostic.js';
import type { CatalystSnapshot } from './catalyst-rows.js';
import { openCatalystDatabase } from './open-catalyst-database.js';
import { readCatalystSnapshot } from './read-catalyst-snapshot.js';

/** Reads a Catalyst Studio database read-only and closes it: the snapshot, or why there is none. */
export function loadCatalystSnapshot(file: string): { snapshot?: CatalystSnapshot; diagnostics: Diagnostic[] } {
  const opened = openCatalystDatabase(file, { readonly: true });
  if (!opened.ok) return { diagnostics: opened.diagnostics };
  try {
    return readCatalystSnapshot(opened.database, file);
  } finally {
    opened.database.db.close();
  }
}
