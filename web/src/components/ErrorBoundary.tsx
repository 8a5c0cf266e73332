/** A page that throws shows what went wrong instead of a blank screen. */
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<{ children: ReactNode; what?: string }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('room39 page error', error, info.componentStack);
  }

  override render() {
    if (this.state.error) {
      return (
        <div className="note note-error" role="alert">
          <strong>{this.props.what ?? 'This page'} could not be shown.</strong> {this.state.error.message}. Reload the page to try again.
        </div>
      );
    }
    return this.props.children;
  }
}
