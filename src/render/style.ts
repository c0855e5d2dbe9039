/**
 * How output is decorated. Renderers take a Style as a parameter and never import a colour
 * library, so tests use `plainStyle` and the CLI decides whether the terminal gets colour.
 */
export interface Style {
  create(text: string): string;
  update(text: string): string;
  remove(text: string): string;
  warning(text: string): string;
  error(text: string): string;
  strong(text: string): string;
  muted(text: string): string;
}

const identity = (text: string): string => text;

export const plainStyle: Style = {
  create: identity,
  update: identity,
  remove: identity,
  warning: identity,
  error: identity,
  strong: identity,
  muted: identity,
};
