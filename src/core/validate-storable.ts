import { deepEqual } from './deep-equal.js';
import type { ContentTypeDef, ResourceKind } from './model.js';
import type { StorableRules } from './platform-profile.js';
import type { PropertyScope } from './validate-property.js';

/**
 * Reports, as an error at the member, everything of `def` that applying it would send and the
 * target's API version cannot store: a member the version has no field for, a property type it
 * refuses. `held` is the type as the target holds it (live, or as last synced): a value it
 * already holds is not sent, so it is not reported. Such a type would fail at apply, after the
 * types before it were written, so the plan stops it before anything is sent.
 */
export function checkStorable(def: ContentTypeDef, rules: StorableRules, report: PropertyScope['report'], held?: ContentTypeDef): void {
  const unstorable = (path: string, member: string) =>
    report(
      'V031',
      'error',
      path,
      `"${member}" cannot be stored by the target's API version ${rules.version}`,
      `The ${rules.version} API has no field for "${member}", so applying this type would fail after the types before it were written. Remove "${member}" here, or target an API version that stores it (\`apiVersion\` in the target's config).`,
    );
  const unsupportedType = (path: string, type: string) =>
    report(
      'V032',
      'error',
      path,
      `Property type "${type}" is not accepted by the target's API version ${rules.version}`,
      `The ${rules.version} API refuses properties of type "${type}", so applying this type would fail after the types before it were written. Use another property type, or target an API version that accepts "${type}" (\`apiVersion\` in the target's config).`,
    );
  const sent = (holder: object, was: object | undefined, member: string) => {
    const value = (holder as Record<string, unknown>)[member];
    return value !== undefined && !deepEqual(value, (was as Record<string, unknown> | undefined)?.[member]);
  };

  for (const member of rules.unstorable.type) if (sent(def, held, member)) unstorable(member, member);
  for (const [key, property] of Object.entries(def.properties)) {
    const path = `properties.${key}`;
    const was = held?.properties[key];
    for (const member of rules.unstorable.property) if (sent(property, was, member)) unstorable(`${path}.${member}`, member);
    if (rules.unsupportedPropertyTypes.includes(property.type) && was?.type !== property.type)
      unsupportedType(`${path}.type`, property.type);
    const items = property.items;
    if (items === undefined) continue;
    for (const member of rules.unstorable.item) if (sent(items, was?.items, member)) unstorable(`${path}.items.${member}`, member);
    if (rules.unsupportedPropertyTypes.includes(items.type) && was?.items?.type !== items.type)
      unsupportedType(`${path}.items.type`, items.type);
  }
}

/**
 * Reports a resource of a kind the target's platform has no place for (Strapi has no property
 * groups or display templates), as V031 at its key, so the plan stops before anything is sent.
 */
export function checkStorableKind(kind: ResourceKind, noun: string, rules: StorableRules, report: PropertyScope['report']): void {
  if (!rules.unstorableKinds?.includes(kind)) return;
  report(
    'V031',
    'error',
    'key',
    `A ${noun} cannot be stored by the target's API version ${rules.version}`,
    `The target's platform (API ${rules.version}) has no ${noun}s, so applying this one would fail. Remove its YAML file for this target, or use a target whose platform has ${noun}s.`,
  );
}
