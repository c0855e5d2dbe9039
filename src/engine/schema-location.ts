import { fileURLToPath } from 'node:url';
import { PACKAGE_ROOT } from '../package-root.js';

/** The content type JSON Schema shipped with catalyst, for the `yaml-language-server` line of written YAML. */
export const CONTENT_TYPE_SCHEMA_PATH = fileURLToPath(new URL('schemas/content-type.schema.json', PACKAGE_ROOT));

/** The config JSON Schema shipped with catalyst, for the `$schema` member of a written config. */
export const CONFIG_SCHEMA_PATH = fileURLToPath(new URL('schemas/config.schema.json', PACKAGE_ROOT));
