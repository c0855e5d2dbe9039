import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildUi } from '../../scripts/build-ui.js';

describe('the dashboard front end', () => {
  let fresh: string | undefined;
  afterAll(async () => {
    if (fresh) await rm(fresh, { recursive: true, force: true });
  });

  it('the committed ui-dist/ is the build of src/ui/web (run `npm run build:ui`)', async () => {
    fresh = await mkdtemp(join(tmpdir(), 'catalyst-ui-build-'));
    await buildUi(fresh);
    for (const file of ['index.html', 'app.css', 'app.js'])
      expect({ file, text: await readFile(join(fresh, file), 'utf8') }).toEqual({
        file,
        text: await readFile(join('ui-dist', file), 'utf8'),
      });
  });

  it('loads nothing from the network: no absolute URL in the page, the styles or the script', async () => {
    for (const file of ['index.html', 'app.css', 'app.js'])
      expect({
        file,
        urls: (await readFile(join('ui-dist', file), 'utf8')).match(/(?:src|href|url)\s*[=(]\s*["']?(?:https?:)?\/\/[^"')\s]+/g),
      }).toEqual({ file, urls: null });
  });
});
