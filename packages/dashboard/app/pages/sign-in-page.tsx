import { useState } from 'preact/hooks';
import { logIn } from '../api/client.js';
import { ErrorAlert } from '../components/error-alert.js';
import { openSession, type Session } from '../session.js';

/** Sign in with a user's password (a session) or an API key. */
export function SignInPage({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const [mode, setMode] = useState<'password' | 'key'>('password');
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    setBusy(true);
    setError(undefined);
    try {
      const token =
        mode === 'key'
          ? text('key')
          : await logIn({
              user: text('user'),
              password: String(form.get('password') ?? ''),
              ...(text('workspace') === '' ? {} : { workspace: text('workspace') }),
            });
      onSignedIn(await openSession(token));
    } catch (failure) {
      setError(failure as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" class="sign-in">
      <h1>Sign in to allot</h1>
      <form onSubmit={(event) => void submit(event)} aria-describedby="sign-in-help">
        <fieldset>
          <legend>Sign in with</legend>
          <label>
            <input
              type="radio"
              name="mode"
              value="password"
              checked={mode === 'password'}
              onChange={() => setMode('password')}
            />{' '}
            a password
          </label>
          <label>
            <input
              type="radio"
              name="mode"
              value="key"
              checked={mode === 'key'}
              onChange={() => setMode('key')}
            />{' '}
            an API key
          </label>
        </fieldset>
        {mode === 'password' ? (
          <>
            <label for="workspace">Workspace</label>
            <input
              id="workspace"
              name="workspace"
              placeholder="default"
              autocomplete="organization"
            />
            <label for="user">User (id or email)</label>
            <input id="user" name="user" required autocomplete="username" />
            <label for="password">Password</label>
            <input
              id="password"
              name="password"
              type="password"
              required
              autocomplete="current-password"
            />
          </>
        ) : (
          <>
            <label for="key">API key</label>
            <input
              id="key"
              name="key"
              type="password"
              required
              autocomplete="off"
              spellcheck={false}
            />
          </>
        )}
        <p id="sign-in-help" class="hint">
          The token stays in this tab (session storage) and travels only in the Authorization
          header.
        </p>
        <button type="submit" disabled={busy}>
          Sign in
        </button>
      </form>
      <ErrorAlert error={error} />
    </main>
  );
}
