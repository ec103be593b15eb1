// The lock screen over a page in use: opaque, above everything (dialogs and pop-ups included), and the only part of
// the screen that can be focused or read — the rest of the document is inert until someone signs in.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthStatus } from '@shared/api/auth';
import { ScreenCard } from '../../components/ScreenCard';
import { SignInPanel } from './SignIn';

/** Dialogs, menus and notifications live in portals outside the app root: they go inert too while locked. */
function useInertOutside(rootId: string) {
  useEffect(() => {
    const made = new Set<Element>();
    const root = document.getElementById(rootId);
    const cover = (el: Element) => {
      if (el === root || el.hasAttribute('inert') || el.hasAttribute('aria-hidden') || el.tagName === 'SCRIPT') return;
      el.setAttribute('inert', '');
      el.setAttribute('aria-hidden', 'true');
      made.add(el);
    };
    Array.from(document.body.children).forEach(cover);
    // A pop-up opened while locked (a notification, say) is covered as it arrives.
    const watcher = new MutationObserver((changes) => changes.forEach((c) => c.addedNodes.forEach((n) => n instanceof Element && cover(n))));
    watcher.observe(document.body, { childList: true });
    return () => {
      watcher.disconnect();
      made.forEach((el) => (el.removeAttribute('inert'), el.removeAttribute('aria-hidden')));
    };
  }, [rootId]);
}

export function LockOverlay({ status }: { status: AuthStatus }) {
  const { t } = useTranslation();
  useInertOutside('root');
  return (
    <div
      role="dialog"
      aria-modal="true"
      aria-label={t('auth.lockedTitle')}
      data-testid="lock-overlay"
      style={{ position: 'fixed', inset: 0, zIndex: 10_000, overflowY: 'auto', background: 'var(--mantine-color-body)' }}
    >
      <ScreenCard title={t('auth.lockedTitle')}>
        <SignInPanel key="locked" status={status} />
      </ScreenCard>
    </div>
  );
}
