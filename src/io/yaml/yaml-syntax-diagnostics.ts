import type { YAMLError } from 'yaml';
import type { Diagnostic } from '../../core/diagnostic.js';
import type { SourceLocation } from '../../core/model.js';
import { YAML_CODES } from '../diagnostic-codes.js';

/** The engine's own recursion limit, reached by a document nested thousands of levels deep. */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError || (error instanceof Error && error.message.includes('Maximum call stack size exceeded'));
}

export function nestedTooDeeply(location: SourceLocation): Diagnostic {
  return {
    code: YAML_CODES.nestedTooDeeply,
    severity: 'error',
    summary: 'Nested too deeply',
    detail:
      'The YAML nests mappings or lists thousands of levels deep, more than catalyst reads. A content type file needs a few levels (type, properties, a property, its items): remove the extra nesting.',
    location,
  };
}

/** A YAML parser error as a diagnostic: duplicate keys, several documents, stack depth, or syntax. */
export function yamlError(error: YAMLError, text: string, at: (offset: number) => SourceLocation): Diagnostic {
  const location = at(error.pos[0]);
  if (isStackOverflow(error)) return nestedTooDeeply(location);
  const message = error.message.split('\n')[0]!.replace(/\.$/, '');
  switch (error.code) {
    case 'DUPLICATE_KEY': {
      const key = /^("[^"]*"|'[^']*'|[^:\n]*)/.exec(text.slice(error.pos[0]))![1]!.trim();
      return {
        code: YAML_CODES.duplicateMappingKey,
        severity: 'error',
        summary: `Duplicate key ${JSON.stringify(key)}`,
        detail: `${JSON.stringify(key)} appears more than once in the same mapping, so it is unclear which value is meant. Remove or rename one of them.`,
        location,
      };
    }
    case 'MULTIPLE_DOCS':
      return {
        code: YAML_CODES.multipleDocuments,
        severity: 'error',
        summary: 'More than one YAML document in the file',
        detail:
          'A content type file holds exactly one YAML document, but a `---` line here starts another. Move each content type to a file of its own.',
        location,
      };
    default:
      return {
        code: YAML_CODES.syntax,
        severity: 'error',
        summary: 'YAML syntax error',
        detail: `${message}. Correct the YAML at this position (indentation, a missing colon, or an unclosed quote or bracket are the usual causes).`,
        location,
      };
  }
}

/** A YAML parser warning (a tag or feature ignored) as a diagnostic. */
export function yamlWarning(warning: YAMLError, at: (offset: number) => SourceLocation): Diagnostic {
  return {
    code: YAML_CODES.yamlWarning,
    severity: 'warning',
    summary: 'YAML feature ignored',
    detail: `${warning.message.split('\n')[0]!.replace(/\.$/, '')}. catalyst reads plain YAML values only; remove the tag or feature.`,
    location: at(warning.pos[0]),
  };
}
