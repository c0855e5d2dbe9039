import type { ApiError } from './api.js';

/** An error the server answered with, as the CLI would print it: summary, what to do, and its diagnostics. */
export function ErrorNotice(props: { error: ApiError }) {
  const { error } = props;
  return (
    <div role="alert" class="notice tone-delete">
      <p>
        <strong>Error: {error.summary}</strong>
      </p>
      {error.detail ? <p>{error.detail}</p> : null}
      {error.messages ? <pre>{error.messages}</pre> : null}
    </div>
  );
}
