/** The official Optimizely CLI (`@optimizely/cms-cli`, a dev dependency): `config push` of N types. */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ContentTypeDef } from '../../src/core/model.js';

const NODE_MODULES = fileURLToPath(new URL('../../node_modules', import.meta.url));

/** Runs `optimizely-cms-cli config push`; resolves with its exit code. */
export async function officialPush(
  apiUrl: string,
  clientId: string,
  clientSecret: string,
  types: ContentTypeDef[],
): Promise<number | null> {
  const dir = await mkdtemp(join(tmpdir(), 'catalyst-bench-official-'));
  try {
    await symlink(NODE_MODULES, join(dir, 'node_modules'), 'dir');
    await mkdir(join(dir, 'components'));
    await writeFile(join(dir, 'optimizely.config.mjs'), "export default { components: ['./components/*.mjs'] };\n");
    const body = types
      .map(
        (def, index) =>
          `export const T${index} = contentType(${JSON.stringify({
            key: def.key,
            displayName: def.displayName,
            baseType: def.baseType,
            properties: Object.fromEntries(
              Object.entries(def.properties).map(([key, property]) => [key, { type: property.type, displayName: property.displayName }]),
            ),
          })});`,
      )
      .join('\n');
    await writeFile(join(dir, 'components', 'types.mjs'), `import { contentType } from '@optimizely/cms-sdk';\n${body}\n`);
    return await new Promise((resolve) => {
      const child = spawn('npx', ['--no-install', 'optimizely-cms-cli', 'config', 'push', './optimizely.config.mjs'], {
        cwd: dir,
        stdio: 'ignore',
        env: {
          ...process.env,
          OPTIMIZELY_CMS_API_URL: apiUrl,
          OPTIMIZELY_CMS_CLIENT_ID: clientId,
          OPTIMIZELY_CMS_CLIENT_SECRET: clientSecret,
          NO_COLOR: '1',
        },
      });
      child.on('close', (code) => resolve(code));
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
