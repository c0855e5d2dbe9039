import type { DefinitionChange } from '../../core/generated/plan.js';
import { CHANGE_OPS, shown } from './symbols.js';

type Change = DefinitionChange & { code?: string; reason?: string };

/** Member changes, one line each: symbol, path, before → after, and the risk code when there is one. */
export function ChangeList(props: { changes: readonly Change[] }) {
  if (props.changes.length === 0) return null;
  return (
    <ul class="changes">
      {props.changes.map((change) => {
        const op = CHANGE_OPS[change.op];
        return (
          <li key={`${change.op} ${change.path}`} class={`tone-${op.tone}`}>
            <span aria-hidden="true">{op.symbol}</span> <span class="visually-hidden">{op.word}: </span>
            <code>{change.path}</code>
            {describe(change)}
            {change.code ? <span class="code"> {change.code}</span> : null}
          </li>
        );
      })}
    </ul>
  );
}

function describe(change: Change): string {
  if (change.added || change.removed) {
    const parts = [...(change.added ?? []).map((entry) => `+${entry}`), ...(change.removed ?? []).map((entry) => `−${entry}`)];
    return `: ${parts.join(', ')}`;
  }
  if (change.op === 'add') return `: ${shown(change.after)}`;
  if (change.op === 'remove') return ` (was ${shown(change.before)})`;
  return `: ${shown(change.before)} → ${shown(change.after)}`;
}
