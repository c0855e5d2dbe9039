import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { isJsonObject } from '../json.js';
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION, type StoreSnapshot } from './emulator-store.js';

/** The data file exists but cannot be used; the message says what to do. */
export class EmulatorStateError extends Error {
  override name = 'EmulatorStateError';
}

/** Reads a data file; `undefined` when there is none yet. */
export async function readStateFile(path: string): Promise<StoreSnapshot | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new EmulatorStateError(
      `The emulator data file ${path} is not valid JSON (${(error as Error).message}). Fix it, or move it away to start from an empty CMS.`,
    );
  }
  const arrays = ['contentTypes', 'propertyGroups', 'displayTemplates', 'contentItems', 'deletedContentKeys'];
  if (!isJsonObject(parsed) || parsed.format !== SNAPSHOT_FORMAT || !arrays.every((name) => Array.isArray(parsed[name]))) {
    throw new EmulatorStateError(`The file ${path} is not a catalyst emulator data file. Name another file with --data, or move it away.`);
  }
  if (parsed.version !== SNAPSHOT_VERSION || typeof parsed.etagCounter !== 'number') {
    throw new EmulatorStateError(
      `The emulator data file ${path} has version ${String(parsed.version)}; this catalyst reads version ${SNAPSHOT_VERSION}. Move it away to start from an empty CMS.`,
    );
  }
  return parsed as unknown as StoreSnapshot;
}

/**
 * Writes the state after changes, atomically (temporary file, then rename). Changes that arrive
 * while a write is running are coalesced into one more write, so the file always ends with the
 * latest state. `flush` waits for that and reports a failed write.
 */
export class StateFileWriter {
  private running: Promise<void> | undefined;
  private dirty = false;
  private failure: unknown;

  constructor(
    private readonly path: string,
    private readonly snapshot: () => StoreSnapshot,
  ) {}

  schedule(): void {
    this.dirty = true;
    this.running ??= this.drain().finally(() => {
      this.running = undefined;
    });
  }

  async flush(): Promise<void> {
    while (this.running !== undefined) await this.running;
    if (this.failure !== undefined) {
      const failure = this.failure;
      this.failure = undefined;
      throw failure;
    }
  }

  private async drain(): Promise<void> {
    while (this.dirty) {
      this.dirty = false;
      try {
        await mkdir(dirname(this.path), { recursive: true });
        await writeFileAtomic(this.path, `${JSON.stringify(this.snapshot(), null, 2)}\n`);
      } catch (error) {
        this.failure = error;
      }
    }
  }
}
