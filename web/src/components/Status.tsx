/** Loading, error and "not available" notes, announced to screen readers. */
import type { ApiError } from '../api.ts';

export function Loading({ what = 'Loading' }: { what?: string }) {
  return (
    <p className="loading" role="status">
      {what}…
    </p>
  );
}

export function ErrorNote({ error, what }: { error: ApiError; what: string }) {
  if (error.unavailable) {
    return (
      <div className="note note-unavailable" role="status">
        <strong>{what} is not available on this server yet.</strong> The API endpoint behind this page does not answer here; the rest of room39
        works as usual.
      </div>
    );
  }
  return (
    <div className="note note-error" role="alert">
      <strong>{what} failed.</strong> {error.message}
    </div>
  );
}
