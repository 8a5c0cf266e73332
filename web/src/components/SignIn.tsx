/** Who is signed in, and a sign-in form (the review queue needs an analyst account). */
import { useEffect, useId, useState } from 'react';
import { ApiError, currentSession, ensureSession, onSession, signIn, signOut, type Session } from '../api.ts';
import { isRole, roleAtLeast } from '../../../src/server/wire.ts';

/** Documents and screening cases are an analyst's work (or above's); a viewer reads the graph only. */
export function mayWork(session: Session | null): boolean {
  const role = session?.user?.role;
  return isRole(role) && roleAtLeast(role, 'analyst');
}

/** Said to a signed-in viewer instead of sections that would each fail with "forbidden". */
export function ViewerNote({ session, what }: { session: Session | null; what: string }) {
  const name = session?.user?.username ?? '';
  return (
    <p className="note note-unavailable">
      Your account ({name}, role {session?.user?.role}) reads the graph; {what} needs the analyst role or above. Whoever runs this room39 can give
      it: <code>room39 user role {name} analyst</code>.
    </p>
  );
}

export function useSession(): { session: Session | null; ready: boolean } {
  const [session, setSession] = useState<Session | null>(currentSession());
  const [ready, setReady] = useState(currentSession() != null);
  useEffect(() => {
    const off = onSession((s) => {
      setSession(s);
      setReady(true);
    });
    if (!currentSession()) void ensureSession();
    return () => {
      off();
    };
  }, []);
  return { session, ready };
}

export function SignIn({ why }: { why: string }) {
  const { session } = useSession();
  const id = useId();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (session?.user) {
    return (
      <p className="signed-in small">
        Signed in as <strong>{session.user.username}</strong> ({session.user.role}).{' '}
        <button type="button" className="linklike" onClick={() => void signOut()}>
          Sign out
        </button>
      </p>
    );
  }
  return (
    <form
      className="signin"
      aria-labelledby={`${id}-h`}
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        signIn(username, password)
          // The form is gone once signed in: focus goes to the page's content, not to the document's start.
          .then(() => document.getElementById('main')?.focus())
          .catch((err: unknown) => setError(err instanceof ApiError ? err.message : String(err)))
          .finally(() => setBusy(false));
      }}
    >
      <h2 id={`${id}-h`} className="h3">
        Sign in
      </h2>
      <p className="small muted">{why}</p>
      <div className="fields">
        <label htmlFor={`${id}-u`}>Username</label>
        <input id={`${id}-u`} type="text" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required />
        <label htmlFor={`${id}-p`}>Password</label>
        <input id={`${id}-p`} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </div>
      <p className="small muted">
        No account yet? Whoever runs this room39 makes one: <code>npx room39 user add NAME --role analyst</code>.
      </p>
      {error ? (
        <p className="note note-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
