import { signal } from '@preact/signals';
import type { HostAccessView } from '@/components/welcome/HostAccessRequest';
import { hasHostAccess, onHostAccessChanged, requestHostAccess } from '@/lib/platform/host-access';

/**
 * The welcome page's host access. It follows changes made elsewhere too (the add-ons manager, the extensions menu),
 * so the page never asks for access the user has just given.
 */
export function createWelcomeState({
  hasAccess = hasHostAccess,
  requestAccess = requestHostAccess,
  onAccessChanged = onHostAccessChanged,
} = {}) {
  const hostAccess = signal<HostAccessView>({ kind: 'checking' });

  async function load() {
    const granted = await hasAccess();
    // A change reported while checking is newer than this answer.
    if (hostAccess.value.kind === 'checking')
      hostAccess.value = { kind: granted ? 'ready' : 'missing' };
  }

  /** Call straight from the click: the browser only shows its prompt inside a user gesture. */
  function request(): Promise<void> {
    hostAccess.value = { kind: 'asking' };
    return requestAccess().then(
      (granted) => void (hostAccess.value = { kind: granted ? 'granted' : 'refused' }),
      () => void (hostAccess.value = { kind: 'refused' }),
    );
  }

  const stopFollowing = onAccessChanged((granted) => {
    const { kind } = hostAccess.value;
    if (granted)
      hostAccess.value = { kind: kind === 'checking' || kind === 'ready' ? 'ready' : 'granted' };
    // While the prompt is open its answer decides; after a refusal, saying so again adds nothing.
    else if (kind !== 'asking' && kind !== 'refused') hostAccess.value = { kind: 'missing' };
  });

  return { hostAccess, load, request, dispose: stopFollowing };
}

export type WelcomeState = ReturnType<typeof createWelcomeState>;
