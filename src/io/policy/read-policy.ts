import { join } from 'node:path';
import type { ErrorObject } from 'ajv';
import { LineCounter } from 'yaml';
import { POLICY_GRANTS, type AccessPolicy, type TargetAccess } from '../../core/access-policy.js';
import type { Diagnostic } from '../../core/diagnostic.js';
import { didYouMean } from '../../core/did-you-mean.js';
import type { SourceLocation } from '../../core/model.js';
import { ACCESS_CODES } from '../diagnostic-codes.js';
import { displayPath } from '../fs/display-path.js';
import type { PolicyFile } from '../generated/policy-file.js';
import { schemaDiagnostics, type SpecialCase } from '../schema/schema-diagnostics.js';
import { schemaValidator } from '../schema/schema-validator.js';
import { createYamlLocator, type YamlLocator } from '../yaml/yaml-locator.js';
import { parseYamlDocument } from '../yaml/parse-yaml-document.js';
import { readBoundedFile } from '../fs/read-bounded-file.js';

/**
 * The largest policy file read: far beyond any real one (a few roles and targets), and small
 * enough that parsing a hostile file (thousands of keys, deep nesting) stays fast.
 */
export const MAX_POLICY_BYTES = 16 * 1024;

/** The policy file's names, looked for in the config's folder in this order. */
export const POLICY_FILE_NAMES = ['catalyst.policy.yaml', 'catalyst.policy.yml'] as const;

export interface ReadPolicyResult {
  /** Absent when there is no policy file (everything is allowed) or it has errors. */
  policy?: AccessPolicy;
  /** The file found, absolute; absent when there is none. */
  file?: string;
  /** Every problem, each naming the file, line and fix. */
  diagnostics: Diagnostic[];
}

/**
 * Reads the access policy next to the config: YAML, checked against schemas/policy.schema.json,
 * every role a grant names defined. `targets` (the config's) makes rules for another target a
 * warning, as they are most often a typo.
 */
export async function readPolicy(rootDir: string, options: { cwd: string; targets: readonly string[] }): Promise<ReadPolicyResult> {
  for (const name of POLICY_FILE_NAMES) {
    const path = join(rootDir, name);
    const read = await readBoundedFile(path, MAX_POLICY_BYTES);
    const file = displayPath(path, options.cwd);
    if (read.ok) return { file: path, ...parsePolicy(read.bytes.toString('utf8'), file, options.targets) };
    if (read.reason === 'too-large') return { file: path, diagnostics: [policyTooLarge(file)] };
    if (read.reason !== 'missing')
      return {
        file: path,
        diagnostics: [
          {
            code: ACCESS_CODES.syntax,
            severity: 'error',
            summary: 'Policy file cannot be read',
            detail: `catalyst could not read ${file}: ${read.message}. Make it a regular file (not a link to a device or a pipe); until it reads, every command it governs is refused.`,
            location: { file, line: 1, column: 1 },
          },
        ],
      };
  }
  return { diagnostics: [] };
}

function policyTooLarge(file: string): Diagnostic {
  return {
    code: ACCESS_CODES.syntax,
    severity: 'error',
    summary: 'Policy file too large',
    detail: `${file} is larger than ${MAX_POLICY_BYTES / 1024} KB, far more than any policy needs. Use roles instead of repeating people, and shorten it.`,
    location: { file, line: 1, column: 1 },
  };
}

/** Parses a policy file's text (see readPolicy). */
export function parsePolicy(text: string, file: string, targets: readonly string[]): { policy?: AccessPolicy; diagnostics: Diagnostic[] } {
  const problem = (summary: string, detail: string, location: SourceLocation = { file, line: 1, column: 1 }): Diagnostic => ({
    code: ACCESS_CODES.syntax,
    severity: 'error',
    summary,
    detail,
    location,
  });
  if (text.length > MAX_POLICY_BYTES || Buffer.byteLength(text) > MAX_POLICY_BYTES) return { diagnostics: [policyTooLarge(file)] };
  const lineCounter = new LineCounter();
  const document = parseYamlDocument(text, lineCounter);
  const at = (offset: number | undefined): SourceLocation => {
    const { line, col } = lineCounter.linePos(offset ?? 0);
    return { file, line: Math.max(1, line), column: Math.max(1, col) };
  };
  if (document.errors.length > 0)
    return {
      diagnostics: document.errors.map((error) =>
        /call stack/i.test(error.message)
          ? problem(
              'Policy nested too deeply',
              'Collections in the policy are nested thousands deep, while a policy is four levels deep (targets, a target, grants, a list). Rewrite it as the README shows.',
              at(error.pos[0]),
            )
          : problem(
              'Policy YAML syntax error',
              `${error.message.split('\n')[0]!.replace(/\.$/, '')}. Correct the YAML at this position; the policy is not used until it parses, and every command it governs is refused meanwhile.`,
              at(error.pos[0]),
            ),
      ),
    };
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: 100 }) ?? null;
  } catch {
    return {
      diagnostics: [
        problem('Policy aliases expand too far', 'The aliases (`*name`) in the policy expand beyond the limit. Write the lists out.'),
      ],
    };
  }
  const locator = createYamlLocator(document, lineCounter, file);
  const errors = schemaValidator('policy.schema.json').validate(value);
  if (errors.length > 0)
    return {
      diagnostics: schemaDiagnostics(errors, {
        locator,
        codes: { schemaViolation: ACCESS_CODES.schemaViolation, unknownMember: ACCESS_CODES.unknownMember },
        rootName: 'The access policy',
        special: (error, path) => holderPattern(error, path),
      }),
    };
  const written = value as PolicyFile;
  const diagnostics = [...unknownRoles(written, locator), ...unknownTargets(written, locator, targets)];
  if (diagnostics.some((diagnostic) => diagnostic.severity === 'error')) return { diagnostics };
  return { policy: toPolicy(written, file, locator), diagnostics };
}

function toPolicy(written: PolicyFile, file: string, locator: YamlLocator): AccessPolicy {
  const targets = new Map<string, TargetAccess>();
  for (const [name, rules] of Object.entries(written.targets)) {
    if (!rules) continue;
    const source = (path: string[]) => ({
      path: ['targets', name, ...path].join('.'),
      location: locator.locate(['targets', name, ...path]),
    });
    const grants: TargetAccess['grants'] = {};
    for (const grant of POLICY_GRANTS) {
      const holders = rules.grants?.[grant];
      if (holders) grants[grant] = { holders, source: source(['grants', grant]) };
    }
    targets.set(name, { grants, source: source([]), ...(rules.requireCi ? { requireCi: source(['requireCi']) } : {}) });
  }
  const roles = new Map(Object.entries(written.roles ?? {}).flatMap(([name, people]) => (people ? [[name, people] as const] : [])));
  return { file, roles, targets };
}

/** A002: a holder that is neither a person nor a role name, phrased for people. */
function holderPattern(error: ErrorObject, path: string[]): SpecialCase | undefined {
  if (error.keyword !== 'pattern' || typeof error.data !== 'string') return undefined;
  return {
    code: ACCESS_CODES.schemaViolation,
    severity: 'error',
    summary: `${JSON.stringify(error.data)} is not a person${path[0] === 'roles' ? '' : ' or a role'}`,
    detail: `Write a GitHub user as \`@login\`, a GitHub team as \`@org/team\`, a git identity as its email${path[0] === 'roles' ? '' : ', a role by its name, or `*` for everyone'}.`,
    at: path,
  };
}

function unknownRoles(written: PolicyFile, locator: YamlLocator): Diagnostic[] {
  const roles = Object.keys(written.roles ?? {});
  return Object.entries(written.targets).flatMap(([target, rules]) =>
    Object.entries(rules?.grants ?? {}).flatMap(([grant, holders]) =>
      (holders ?? []).flatMap((holder, index) => {
        if (holder === '*' || holder.includes('@') || roles.includes(holder)) return [];
        const suggestion = didYouMean(holder, roles);
        return [
          {
            code: ACCESS_CODES.unknownRole,
            severity: 'error' as const,
            summary: `Unknown role "${holder}"`,
            detail:
              `targets.${target}.grants.${grant} names the role "${holder}", which \`roles\` does not define${roles.length > 0 ? ` (it has ${roles.join(', ')})` : ''}. ` +
              (suggestion ? `Did you mean "${suggestion}"? ` : '') +
              `Define the role under \`roles\`, or name a person (\`@login\`, \`@org/team\`, an email).`,
            location: locator.locate(['targets', target, 'grants', grant, index]),
          },
        ];
      }),
    ),
  );
}

function unknownTargets(written: PolicyFile, locator: YamlLocator, targets: readonly string[]): Diagnostic[] {
  return Object.keys(written.targets)
    .filter((name) => name !== '*' && !targets.includes(name))
    .map((name) => {
      const suggestion = didYouMean(name, [...targets]);
      return {
        code: ACCESS_CODES.unknownTarget,
        severity: 'warning' as const,
        summary: `The policy has rules for an unknown target "${name}"`,
        detail: `The config defines the targets ${targets.join(', ')}, not "${name}", so these rules apply to nothing. ${suggestion ? `Did you mean "${suggestion}"? ` : ''}Rename them to the target they are for, or remove them.`,
        location: locator.locateKey(['targets', name]),
      };
    });
}
