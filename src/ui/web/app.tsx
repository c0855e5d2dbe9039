import { useEffect, useState } from 'preact/hooks';
import { api, TOKEN, type Project } from './api.js';
import { ErrorNotice } from './error-notice.js';
import { HistoryPage } from './history-page.js';
import { PlanPage } from './plan-page.js';
import { ProjectContext } from './project-context.js';
import { TargetsPage } from './targets-page.js';
import { useLoad } from './use-load.js';

type Route = { page: 'targets' } | { page: 'plan'; target: string } | { page: 'history'; target: string };

/** Pages live in the fragment (`#/targets/cms/history`), so the token in the query stays put. */
function routeOf(hash: string): Route {
  const [, page, name, sub] = hash.split('/');
  if (page === 'targets' && name) return { page: sub === 'history' ? 'history' : 'plan', target: decodeURIComponent(name) };
  return { page: 'targets' };
}

export function App() {
  const [route, setRoute] = useState(() => routeOf(location.hash));
  useEffect(() => {
    const onHash = () => setRoute(routeOf(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  const { loaded } = useLoad(() => api<Project>('/api/project'), 'project');
  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header>
        <p class="brand">catalyst</p>
        <nav aria-label="Main">
          <ul>
            <li>
              <a href="#/" aria-current={route.page === 'targets' ? 'page' : undefined}>
                Targets
              </a>
            </li>
            {loaded.state === 'ready'
              ? loaded.value.targets.map((target) => (
                  <li key={target.name}>
                    <a
                      href={`#/targets/${encodeURIComponent(target.name)}`}
                      aria-current={route.page !== 'targets' && route.target === target.name ? 'page' : undefined}
                    >
                      {target.name}
                    </a>
                  </li>
                ))
              : null}
          </ul>
        </nav>
      </header>
      <main id="main">
        {TOKEN === '' ? (
          <p>Open the dashboard with the address `catalyst ui` printed: it carries the token that lets this page read the project.</p>
        ) : loaded.state === 'error' ? (
          <ErrorNotice error={loaded.error} />
        ) : loaded.state === 'loading' ? (
          <p>Loading the project…</p>
        ) : (
          <ProjectContext.Provider value={loaded.value}>
            {route.page === 'targets' ? <TargetsPage /> : null}
            {route.page === 'plan' ? <PlanPage key={route.target} target={route.target} /> : null}
            {route.page === 'history' ? <HistoryPage key={route.target} target={route.target} /> : null}
          </ProjectContext.Provider>
        )}
      </main>
    </>
  );
}
