import type { Risk, RiskCode } from './generated/plan.js';

/**
 * Stable codes of risky changes, in the style of Atlas's analyzers: DS = destructive (data can
 * be lost), BC = breaking (existing content may become invalid). Codes are never reused for
 * another meaning; the README documents them from this table.
 */
export const RISK_CODES = {
  DS101: { risk: 'destructive', title: 'Content type deleted' },
  DS102: { risk: 'destructive', title: 'Property removed' },
  DS103: { risk: 'destructive', title: 'Property type changed' },
  DS104: { risk: 'destructive', title: 'Array item type changed' },
  DS105: { risk: 'destructive', title: 'Component contentType changed' },
  DS106: { risk: 'destructive', title: 'Localization toggled' },
  DS107: { risk: 'destructive', title: 'Property group deleted' },
  DS108: { risk: 'destructive', title: 'Immutable member changed (only delete and re-create could do it)' },
  DS109: { risk: 'destructive', title: 'Display template deleted' },
  BC101: { risk: 'breaking', title: 'Property becomes required' },
  BC102: { risk: 'breaking', title: 'Constraint tightened' },
  BC103: { risk: 'breaking', title: 'Enum value removed' },
  BC104: { risk: 'breaking', title: 'allowedTypes narrowed or restrictedTypes widened' },
  BC105: { risk: 'breaking', title: 'mayContainTypes entry removed' },
  BC106: { risk: 'breaking', title: 'Composition behavior removed' },
  BC107: { risk: 'breaking', title: 'Contract removed' },
  BC108: { risk: 'breaking', title: 'accessRights changed' },
  BC109: { risk: 'breaking', title: 'Property format changed' },
  BC110: { risk: 'breaking', title: 'Display setting or choice removed' },
  BC111: { risk: 'breaking', title: 'Display template applies to other content' },
} as const satisfies Record<RiskCode, { risk: Exclude<Risk, 'safe'>; title: string }>;

/**
 * The changes the Optimizely server refuses without `cms-ignore-data-loss-warnings: true`:
 * removing a property, changing `type`, `items.type` or a component's `contentType`, toggling
 * localization. An update step that carries one of them needs the user's approval to send it.
 * (Deletes are destructive too, but the server needs no override for them.)
 */
export const SERVER_DATA_LOSS_CODES: ReadonlySet<RiskCode> = new Set<RiskCode>(['DS102', 'DS103', 'DS104', 'DS105', 'DS106']);

const RANK: Record<Risk, number> = { safe: 0, breaking: 1, destructive: 2 };

/** The highest of the given risks (`safe` for none). */
export function maxRisk(risks: Iterable<Risk>): Risk {
  let highest: Risk = 'safe';
  for (const risk of risks) if (RANK[risk] > RANK[highest]) highest = risk;
  return highest;
}
