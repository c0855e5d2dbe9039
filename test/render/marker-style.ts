import type { Style } from '../../src/render/style.js';

/** A style that wraps text in `<name>…</name>` markers, so tests can assert colour without ANSI codes. */
export const markerStyle: Style = {
  create: (text) => `<create>${text}</create>`,
  update: (text) => `<update>${text}</update>`,
  remove: (text) => `<remove>${text}</remove>`,
  warning: (text) => `<warning>${text}</warning>`,
  error: (text) => `<error>${text}</error>`,
  strong: (text) => `<strong>${text}</strong>`,
  muted: (text) => `<muted>${text}</muted>`,
};

/** Freezes a value and everything inside it, so a renderer that writes to its input throws. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const member of Object.values(value)) deepFreeze(member);
    Object.freeze(value);
  }
  return value;
}
