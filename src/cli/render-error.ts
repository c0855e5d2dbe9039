/** The one place an escaped error becomes text for the terminal. */
export function renderError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `Error: ${message}\n`;
}
