/**
 * Generates TypeScript types from the JSON Schemas in schemas/. The schemas are the source of
 * truth; the generated files are committed and test/schemas/generated-types.test.ts fails when
 * they drift. Run `npm run gen:types` after editing a schema.
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile, type JSONSchema } from 'json-schema-to-typescript';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** schema file (under schemas/) → generated file (under src/), with the root type's name. */
export const GENERATED: ReadonlyArray<{ schema: string; output: string; rootName: string; banner?: string }> = [
  { schema: 'content-type.schema.json', output: 'io/generated/content-type-file.ts', rootName: 'ContentTypeFile' },
  { schema: 'config.schema.json', output: 'io/generated/config-file.ts', rootName: 'ConfigFile' },
  { schema: 'lock.schema.json', output: 'io/generated/lock-file.ts', rootName: 'LockFile' },
  { schema: 'policy.schema.json', output: 'io/generated/policy-file.ts', rootName: 'PolicyFile' },
  {
    schema: 'plan.schema.json',
    output: 'core/generated/plan.ts',
    rootName: 'PlanDocument',
    banner:
      "import type { ContentTypeDef, Definition, DisplayTemplateDef, EnumValue, ItemDef, PropertyDef, PropertyGroupDef, SourceLocation, VersionToken } from '../model.js';",
  },
];

const HEADER = (schema: string) =>
  `/* Generated from schemas/${schema} by scripts/gen-types.ts. Do not edit: edit the schema and run \`npm run gen:types\`. */`;

/** Returns generated file contents keyed by path relative to the repository root, one per `GENERATED` entry; rejects when a schema is missing. */
export async function generateTypes(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of GENERATED) {
    const schema = JSON.parse(await readFile(join(ROOT, 'schemas', entry.schema), 'utf8')) as JSONSchema;
    const source = await compile(schema, entry.rootName, {
      bannerComment: [HEADER(entry.schema), entry.banner ?? ''].filter(Boolean).join('\n'),
      cwd: join(ROOT, 'schemas'),
      additionalProperties: false,
      unreachableDefinitions: true,
      strictIndexSignatures: true,
      format: true,
      style: { singleQuote: true, printWidth: 120 },
    });
    files.set(join('src', entry.output), source);
  }
  return files;
}

async function main(): Promise<void> {
  const files = await generateTypes();
  for (const [path, source] of files) {
    const target = join(ROOT, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, source);
    process.stdout.write(`wrote ${path}\n`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main();
}
