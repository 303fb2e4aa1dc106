// A rendering failure becomes a message with a way out, never a blank screen.
import { Component, type ReactNode } from 'react';
import { I18nConsumer } from './I18nConsumer.tsx';

export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: unknown) {
    console.error(error);
  }
  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <I18nConsumer>
        {(t) => (
          <main className="fatal" role="alert">
            <h1>{t('error.crashTitle')}</h1>
            <p>{t('error.crashText')}</p>
            <button type="button" onClick={() => location.reload()}>
              {t('action.reload')}
            </button>
          </main>
        )}
      </I18nConsumer>
    );
  }
}
