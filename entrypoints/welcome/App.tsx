import { TranslateContext } from '@/components/i18n';
import { Welcome } from '@/components/welcome/Welcome';
import { translate } from '@/lib/platform/i18n';
import type { WelcomeState } from './state';

export function App({
  state,
  permissions,
}: {
  state: WelcomeState;
  permissions: readonly string[];
}) {
  return (
    <TranslateContext.Provider value={translate}>
      <Welcome
        hostAccess={state.hostAccess.value}
        onRequestHostAccess={() => void state.request()}
        permissions={permissions}
      />
    </TranslateContext.Provider>
  );
}
