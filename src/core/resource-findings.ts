import type { Finding } from './content-type-findings.js';
import type { DefinitionChange } from './generated/plan.js';
import { InternalError } from './internal-error.js';
import type { DisplayTemplateDef, PropertyGroupDef } from './model.js';

type ChangeRule = (change: DefinitionChange) => Finding | undefined;

const safe: ChangeRule = () => undefined;

/** Every member of a property group is presentation only. Adding a member does not compile until it is decided here. */
const PROPERTY_GROUP_CHANGES = {
  key: safe,
  displayName: safe,
  sortOrder: safe,
} as const satisfies { [K in keyof Required<PropertyGroupDef>]: ChangeRule };

/**
 * The decision for every member of a display template. Content keeps the template and the
 * setting values editors chose, so what takes a choice away from content breaks it.
 */
const DISPLAY_TEMPLATE_CHANGES = {
  key: safe,
  displayName: safe,
  isDefault: safe,
  nodeType: retargeted,
  baseType: retargeted,
  contentType: retargeted,
  settings: (change) => {
    const [, setting, nested, choice] = change.path.split('.');
    if (change.op !== 'remove') return undefined;
    if (setting === undefined) return { code: 'BC110', reason: 'removes every display setting; the values editors chose are dropped' };
    if (nested === undefined)
      return { code: 'BC110', reason: `removes display setting "${setting}"; the values editors chose for it are dropped` };
    if (nested === 'choices' && choice !== undefined)
      return {
        code: 'BC110',
        reason: `removes choice "${choice}" of display setting "${setting}"; content that chose it loses the choice`,
      };
    if (nested === 'choices')
      return { code: 'BC110', reason: `removes every choice of display setting "${setting}"; content that chose one loses it` };
    return undefined;
  },
} as const satisfies { [K in keyof Required<DisplayTemplateDef>]: ChangeRule };

export function propertyGroupFinding(change: DefinitionChange): Finding | undefined {
  return ruleOf(PROPERTY_GROUP_CHANGES, change, 'property group')(change);
}

export function displayTemplateFinding(change: DefinitionChange): Finding | undefined {
  return ruleOf(DISPLAY_TEMPLATE_CHANGES, change, 'display template')(change);
}

/**
 * A template that applies to other content than before: content it no longer applies to loses
 * it. Dropping the target makes it apply to all content, which takes nothing away.
 */
function retargeted(change: DefinitionChange): Finding | undefined {
  if (change.op === 'remove') return undefined;
  const was = change.before === undefined ? 'all content' : `${change.member} ${JSON.stringify(change.before)}`;
  return {
    code: 'BC111',
    reason: `applies to ${change.member} ${JSON.stringify(change.after)} instead of ${was}; content it no longer applies to loses it`,
  };
}

function ruleOf<R>(table: Readonly<Record<string, R>>, change: DefinitionChange, owner: string): R {
  const member = (change.member ?? change.path).split('.')[0] ?? '';
  if (!Object.hasOwn(table, member)) throw new InternalError(`no change rule for the ${owner} member "${member}"`);
  return table[member]!;
}
