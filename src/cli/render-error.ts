import { isAdapterError } from '../adapters/errors.js';
import { isUserError } from '../core/user-error.js';
import type { Style } from '../render/style.js';

/**
 * The one place an escaped error becomes text for the terminal. User errors and platform errors
 * are expected and printed as summary + what to do; anything else is a bug and says so.
 */
export function renderError(error: unknown, style: Style): string {
  if (isUserError(error)) return `${style.error('Error:')} ${style.strong(error.summary)}\n\n  ${error.detail}\n`;
  if (isAdapterError(error)) {
    const fields = error.fieldErrors.map((field) => `\n    ${field.field ? `${field.field}: ` : ''}${field.detail}`).join('');
    const where = error.operation ? ` (${error.operation})` : '';
    return `${style.error('Error:')} ${style.strong(`The CMS call failed: ${error.kind}${where}`)}\n\n  ${error.message}${fields}\n`;
  }
  if (error instanceof Error && (error.name === 'YError' || error.name === 'UsageError'))
    return `${style.error('Error:')} ${error.message}\n`;
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return `${style.error('Error:')} ${style.strong('Internal error')}\n\n  This is a bug in catalyst; please report it with the text below.\n\n${detail}\n`;
}
