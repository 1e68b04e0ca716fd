import { ApiError } from '../api/client.js';

/** The server's error, as it said it: status, code, message and the field it names. */
export function ErrorAlert({ error }: { error: Error | undefined }) {
  if (error === undefined) return null;
  const api = error instanceof ApiError ? error : undefined;
  return (
    <div class="error" role="alert">
      {api === undefined ? (
        <strong>{error.message}</strong>
      ) : (
        <>
          <strong>
            {api.status} {api.code}
          </strong>
          : <span class="error-message">{api.message}</span>
          {api.field === undefined ? null : <span class="error-field"> ({api.field})</span>}
        </>
      )}
    </div>
  );
}
