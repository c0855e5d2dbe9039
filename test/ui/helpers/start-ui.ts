import { Writable } from 'node:stream';
import { createCliContext } from '../../../src/cli/cli-context.js';
import { withCliEnvironment } from '../../../src/cli/cli-environment.js';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET } from '../../../src/emulator/index.js';
import { startUiServer } from '../../../src/ui/ui-server.js';
import { SCENARIO_ACTOR } from '../../scenarios/helpers/scenario-project.js';

export interface RunningUi {
  /** The address `catalyst ui` prints, with its token. */
  url: string;
  port: number;
  token: string;
  origin: string;
  /** What the server wrote to its terminal. */
  stderr: () => string;
  close(): Promise<void>;
}

/**
 * The dashboard server for a scenario project, in this process, as `catalyst ui --port 0` starts
 * it there: the project's directory, the target's credentials, the scenario's actor.
 */
export async function startUi(dir: string): Promise<RunningUi> {
  let errText = '';
  const sink = (onText: (text: string) => void) =>
    Object.assign(
      new Writable({
        write(chunk: Buffer | string, _encoding, done) {
          onText(chunk.toString());
          done();
        },
      }),
      { isTTY: false, columns: 100 },
    ) as unknown as NodeJS.WriteStream;
  const env = {
    ...process.env,
    NO_COLOR: '1',
    OPTIMIZELY_CMS_CLIENT_ID: DEMO_CLIENT_ID,
    OPTIMIZELY_CMS_CLIENT_SECRET: DEMO_CLIENT_SECRET,
    OPTIMIZELY_CMS_API_URL: undefined,
    CATALYST_ACTOR: SCENARIO_ACTOR,
    CI: undefined,
    GITHUB_ACTIONS: undefined,
  };
  const context = await withCliEnvironment(
    { cwd: dir, env, stdout: sink(() => undefined), stderr: sink((text) => (errText += text)) },
    async () => createCliContext({}),
  );
  const server = await startUiServer({ context, project: {}, port: 0 });
  const url = new URL(server.url);
  return {
    url: server.url,
    port: server.port,
    token: url.searchParams.get('token') ?? '',
    origin: url.origin,
    stderr: () => errText,
    close: () => server.close(),
  };
}
