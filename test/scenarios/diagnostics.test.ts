import { afterAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { definitionRequests, startScenarioEmulator, writeRequests } from './helpers/scenario-cms.js';
import { ScenarioProject } from './helpers/scenario-project.js';

const INVALID_TYPES = ['Error: Invalid content types', '', '  Nothing was sent to the CMS. Fix the problems above, then plan again.', ''];
const INVALID_CONFIG = ['Error: Invalid configuration', '', '  Fix the configuration as described above, then run the command again.', ''];

const ARTICLE = 'key: ArticlePage\nbaseType: page\ndisplayName: Article\nproperties:\n  title: { type: string, displayName: Title }\n';

interface Case {
  name: string;
  /** Files of the project (relative to it); `catalyst.config.json` replaces the default config. */
  files: Record<string, string>;
  args: string[];
  /** The whole of stderr (NO_COLOR), line by line. */
  stderr: string[];
  /** What the CMS may have seen: nothing at all, or the reads a plan makes (never a write). */
  cms: 'untouched' | 'read only';
  /** Text that must not appear anywhere in the output. */
  absent?: string;
  /** Environment variables for this run, on top of the project's. */
  env?: Record<string, string>;
}

const CASES: Case[] = [
  {
    name: 'YAML syntax error',
    files: {
      'content-types/Broken.yaml':
        'key: Broken\nbaseType: page\ndisplayName: Broken\nproperties:\n  title: { type: string, displayName: Title\n  body: richText\n',
    },
    args: ['plan'],
    stderr: [
      'content-types/Broken.yaml:6:3: error Y001 YAML syntax error',
      '  Flow map in block collection must be sufficiently indented and end with a }. Correct the YAML at this position (indentation, a missing colon, or an unclosed quote or bracket are the usual causes).',
      '',
      '1 error',
      ...INVALID_TYPES,
    ],
    cms: 'untouched',
  },
  {
    name: 'schema error: a value of the wrong type',
    files: {
      'content-types/ArticlePage.yaml':
        'key: ArticlePage\nbaseType: page\ndisplayName: Article\nproperties:\n  title: { type: string, required: yes }\n',
    },
    args: ['plan'],
    stderr: [
      'content-types/ArticlePage.yaml:5:36: error Y007 properties.title.required must be true or false',
      '  properties.title.required is the text "yes", but it must be true or false. Write true or false without quotes.',
      '',
      '1 error',
      ...INVALID_TYPES,
    ],
    cms: 'untouched',
  },
  {
    name: 'unknown members, with did-you-mean',
    files: {
      'content-types/ArticlePage.yaml':
        'key: ArticlePage\nbaseType: page\ndisplayname: Article\nproperties:\n  title: { type: string, requird: true }\n',
    },
    args: ['plan'],
    stderr: [
      'content-types/ArticlePage.yaml:3:1: error Y006 Unknown member "displayname"',
      '  The content type has no member "displayname". Did you mean "displayName"? Correct the name or remove the member.',
      '',
      'content-types/ArticlePage.yaml:5:26: error Y006 Unknown member "requird"',
      '  properties.title has no member "requird". Did you mean "required"? Correct the name or remove the member.',
      '',
      '2 errors',
      ...INVALID_TYPES,
    ],
    cms: 'untouched',
  },
  {
    name: 'the same content type key in two files',
    files: {
      'content-types/Teaser.yaml': 'key: Teaser\nbaseType: component\ndisplayName: Teaser\n',
      'content-types/blocks/teaser.yaml': '# copied by mistake\nkey: Teaser\nbaseType: component\ndisplayName: Teaser block\n',
    },
    args: ['plan'],
    stderr: [
      'content-types/blocks/teaser.yaml:2:6: error Y009 Duplicate content type key "Teaser"',
      '  The content type "Teaser" is already defined at content-types/Teaser.yaml:1:6. A key may be defined only once: remove one definition, or rename one of them.',
      '',
      '1 error',
      ...INVALID_TYPES,
    ],
    cms: 'untouched',
  },
  {
    name: 'validate: each problem once, in file and line order (a semantic error before a later file’s duplicate key)',
    files: {
      'content-types/A.yaml':
        'key: Hero\nbaseType: component\ndisplayName: Hero\nproperties:\n  body: { type: string, minLength: 10, maxLength: 5 }\n',
      'content-types/B.yaml': 'key: Hero\nbaseType: component\ndisplayName: Hero two\n',
    },
    args: ['validate'],
    stderr: [
      'content-types/A.yaml:5:3: error V018 minLength is greater than maxLength',
      '  minLength (10) is greater than maxLength (5), so no value is valid. Swap or correct them.',
      '',
      'content-types/B.yaml:1:6: error Y009 Duplicate content type key "Hero"',
      '  The content type "Hero" is already defined at content-types/A.yaml:1:6. A key may be defined only once: remove one definition, or rename one of them.',
      '',
      '2 errors',
      '',
    ],
    cms: 'untouched',
  },
  {
    name: 'plan: schema and semantic problems in one pass, the file with a schema error included (nothing contacted)',
    files: {
      'content-types/A.yaml':
        'key: Article\nbaseType: page\ndisplayName: Article\nproperties:\n  title: { type: string, required: yes }\n  summary: { type: string, minLength: 10, maxLength: 5 }\n',
      'content-types/B.yaml':
        'key: Teaser\nbaseType: component\ndisplayName: Teaser\nproperties:\n  rating: { type: integer, minimum: 5, maximum: 1 }\n',
    },
    args: ['plan'],
    stderr: [
      'content-types/A.yaml:5:36: error Y007 properties.title.required must be true or false',
      '  properties.title.required is the text "yes", but it must be true or false. Write true or false without quotes.',
      '',
      'content-types/A.yaml:6:3: error V018 minLength is greater than maxLength',
      '  minLength (10) is greater than maxLength (5), so no value is valid. Swap or correct them.',
      '',
      'content-types/B.yaml:5:3: error V018 minimum is greater than maximum',
      '  minimum (5) is greater than maximum (1), so no value is valid. Swap or correct them.',
      '',
      '3 errors',
      ...INVALID_TYPES,
    ],
    cms: 'untouched',
  },
  {
    name: 'invalid type and property keys',
    files: {
      'content-types/First.yaml': 'key: 1stPage\nbaseType: page\ndisplayName: First\nproperties:\n  hero-image: contentReference\n',
    },
    args: ['plan'],
    stderr: [
      'content-types/First.yaml:1:6: error Y008 Invalid content type key "1stPage"',
      '  "1stPage" is not a valid content type key: a key starts with a letter and contains only letters, digits and underscores (at least 2 characters). Rename it.',
      '',
      'content-types/First.yaml:5:3: error Y008 Invalid property key "hero-image"',
      '  "hero-image" is not a valid property key: a key starts with a letter and contains only letters, digits and underscores (at least 2 characters). Rename it. For example "hero_image".',
      '',
      '2 errors',
      ...INVALID_TYPES,
    ],
    cms: 'untouched',
  },
  {
    name: 'a property type the target’s API version refuses, after a valid type (apply stops before writing either)',
    files: {
      'content-types/HeroBlock.yaml': 'key: HeroBlock\nbaseType: component\ndisplayName: Hero\n',
      'content-types/ArticlePage.yaml':
        'key: ArticlePage\nbaseType: page\ndisplayName: Article\nproperties:\n  attachment: { type: binary }\n',
    },
    args: ['apply', '--auto-approve'],
    stderr: [
      'content-types/ArticlePage.yaml:5:23: error V032 Property type "binary" is not accepted by the target\'s API version v1',
      '  The v1 API refuses properties of type "binary", so applying this type would fail after the types before it were written. Use another property type, or target an API version that accepts "binary" (`apiVersion` in the target\'s config).',
      '',
      '1 error',
      ...INVALID_TYPES,
    ],
    cms: 'read only',
  },
  {
    name: 'validate --target: what that target’s API version cannot store, checked without contacting it',
    files: {
      'catalyst.config.json': '{\n  "targets": { "cms": { "url": "$URL" }, "next": { "url": "embedded", "apiVersion": "preview3" } }\n}\n',
      'content-types/Seo.yaml': 'key: Seo\nisContract: true\ndisplayName: SEO\n',
    },
    args: ['validate', '--target', 'next'],
    stderr: [
      'content-types/Seo.yaml:2:13: error V031 "isContract" cannot be stored by the target\'s API version preview3',
      '  The preview3 API has no field for "isContract", so applying this type would fail after the types before it were written. Remove "isContract" here, or target an API version that stores it (`apiVersion` in the target\'s config).',
      '',
      '1 error',
      '',
    ],
    cms: 'untouched',
  },
  {
    name: 'an environment URL that would send a target somewhere its config does not name',
    files: { 'catalyst.config.json': '{\n  "targets": { "cms": { "url": "$URL" } }\n}\n', 'content-types/ArticlePage.yaml': ARTICLE },
    env: { OPTIMIZELY_CMS_API_URL: 'https://api.cms.optimizely.com' },
    args: ['plan'],
    stderr: [
      'catalyst.config.json:2:32: error C012 OPTIMIZELY_CMS_API_URL would redirect target "cms"',
      '  Target "cms" states its url ($URL), and OPTIMIZELY_CMS_API_URL in the environment names another CMS (https://api.cms.optimizely.com). catalyst will not send a target to a CMS its config does not name. Unset OPTIMIZELY_CMS_API_URL, choose the target meant for that CMS, or let the environment decide for this target by adding `urlEnv: OPTIMIZELY_CMS_API_URL` to it.',
      '',
      '1 error',
      'Error: Invalid configuration',
      '',
      '  Fix the configuration as described above, then run the command again.',
      '',
    ],
    cms: 'untouched',
  },
  {
    name: 'an unknown config member, with did-you-mean',
    files: {
      'catalyst.config.json': '{\n  "contentTypeDir": "content-types",\n  "targets": { "cms": { "url": "$URL" } }\n}\n',
      'content-types/ArticlePage.yaml': ARTICLE,
    },
    args: ['plan'],
    stderr: [
      'catalyst.config.json:2:3: error C003 Unknown member "contentTypeDir"',
      '  The config has no member "contentTypeDir". Did you mean "contentTypesDir"? Correct the name or remove the member.',
      '',
      '1 error',
      ...INVALID_CONFIG,
    ],
    cms: 'untouched',
  },
  {
    name: 'a client secret written in the config',
    files: {
      'catalyst.config.json':
        '{\n  "targets": {\n    "cms": {\n      "url": "$URL",\n      "clientSecret": "hunter2-in-git"\n    }\n  }\n}\n',
      'content-types/ArticlePage.yaml': ARTICLE,
    },
    args: ['plan'],
    stderr: [
      'catalyst.config.json:5:7: error C004 Credential "clientSecret" in the config file',
      '  Credentials never go in the config file, which is committed and shared. Remove "clientSecret" and set the environment variable OPTIMIZELY_CMS_CLIENT_SECRET (or name another variable with `clientSecretEnv`); in CI, fill it from the secret store.',
      '',
      '1 error',
      ...INVALID_CONFIG,
    ],
    cms: 'untouched',
    absent: 'hunter2-in-git',
  },
  {
    name: 'an unknown --target, with did-you-mean',
    files: { 'content-types/ArticlePage.yaml': ARTICLE },
    args: ['apply', '--auto-approve', '--target', 'cmss'],
    stderr: [
      'error C005 Unknown target "cmss"',
      '  `--target` names "cmss", but the config defines only: cms. Did you mean "cms"? Use one of those names.',
      '',
      '1 error',
      ...INVALID_CONFIG,
    ],
    cms: 'untouched',
  },
];

/**
 * Bad YAML and bad config, as a user meets them: exit code 1, every problem at its
 * file:line:column with its code and message, and nothing sent to the CMS. Each case has its own
 * project and emulator, so the cases run concurrently and each emulator's counters are its own.
 */
describe.concurrent('bad YAML and bad config', () => {
  const cleanup: Array<() => Promise<void>> = [];
  afterAll(async () => {
    await Promise.all(cleanup.map((dispose) => dispose()));
  });

  it.each(CASES)('$name', async ({ files, args, stderr, cms, absent, env }) => {
    const emulator: RunningEmulator = await startScenarioEmulator();
    const project = await ScenarioProject.create({ apiUrl: emulator.url });
    cleanup.push(
      () => emulator.close(),
      () => project.dispose(),
    );
    await project.write(Object.fromEntries(Object.entries(files).map(([path, text]) => [path, text.replace('$URL', emulator.url)])));
    const lockBefore = await project.lockText();

    const result = await project.run(args, env);
    expect(result.stderr.split('\n')).toEqual(stderr.map((line) => line.replace('$URL', emulator.url)));
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');

    const counters = emulator.traffic.counters();
    if (cms === 'untouched') expect(counters.total).toBe(0);
    else expect(definitionRequests(counters).every((route) => route.startsWith('GET '))).toBe(true);
    expect(writeRequests(counters)).toEqual([]);
    expect(await project.lockText()).toBe(lockBefore);
    expect(await project.read('catalyst.history/cms.jsonl')).toBeUndefined();
    if (absent !== undefined) expect(`${result.stdout}${result.stderr}`).not.toContain(absent);
  });
});
