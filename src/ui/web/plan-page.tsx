import { useState } from 'preact/hooks';
import { api, targetPath, type PlannedAnswer } from './api.js';
import { ApplyPanel } from './apply-panel.js';
import { ConflictsView } from './conflicts-view.js';
import { ErrorNotice } from './error-notice.js';
import { PageHeading } from './page-heading.js';
import { PlanView } from './plan-view.js';
import { useLoad } from './use-load.js';

/** A target's plan (the document `catalyst plan --json` prints), its conflicts to decide, and apply. */
export function PlanPage(props: { target: string }) {
  const { loaded, reload, set } = useLoad(() => api<PlannedAnswer>(`${targetPath(props.target)}/plan`), props.target);
  const [message, setMessage] = useState('');
  return (
    <>
      <PageHeading title={`Plan for ${props.target}`} />
      <p class="actions">
        <button
          type="button"
          onClick={() => {
            setMessage('');
            reload();
          }}
        >
          Plan again
        </button>{' '}
        <a href={`#/targets/${encodeURIComponent(props.target)}/history`}>History of {props.target}</a>
      </p>
      <div role="status" class="message">
        {message}
      </div>
      {loaded.state === 'loading' ? <p>Reading the YAML, the lockfile and the CMS…</p> : null}
      {loaded.state === 'error' ? <ErrorNotice error={loaded.error} /> : null}
      {loaded.state === 'ready' ? (
        <>
          <ConflictsView
            target={props.target}
            plan={loaded.value.plan}
            onResolved={(answer, text) => {
              set(answer);
              setMessage(text);
            }}
          />
          <ApplyPanel target={props.target} answer={loaded.value} onFinished={reload} />
          <PlanView plan={loaded.value.plan} level={2} />
        </>
      ) : null}
    </>
  );
}
