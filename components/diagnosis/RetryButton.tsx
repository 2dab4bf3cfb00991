import { useState } from 'preact/hooks';
import { useT } from '../i18n';
import { BusyButton } from './BusyButton';
import { PRIMARY_BUTTON } from './styles';

/** What asking the site again found; on `back` the page is already being reloaded. */
export type RetryCheck =
  | { readonly kind: 'back' }
  | { readonly kind: 'still-failing'; readonly statusCode: number }
  | { readonly kind: 'no-answer' }
  /** The page came from a form: it is not sent again behind the visitor's back. */
  | { readonly kind: 'refused-post' };

type RetryState = { readonly kind: 'idle' } | { readonly kind: 'checking' } | RetryCheck;

export interface RetryButtonProps {
  readonly retry: () => Promise<RetryCheck>;
}

/**
 * "Try again" asks the site first and reloads only once it answers, so a visitor retrying a site that is still down
 * keeps this explanation instead of watching the same error page load again.
 */
export function RetryButton({ retry }: RetryButtonProps) {
  const t = useT();
  const [state, setState] = useState<RetryState>({ kind: 'idle' });
  const onClick = async () => {
    setState({ kind: 'checking' });
    setState(await retry().catch((): RetryCheck => ({ kind: 'no-answer' })));
  };
  return (
    <div class="flex flex-wrap items-center gap-2">
      <BusyButton
        label={t('diagnosisStepRetry')}
        busy={state.kind === 'checking'}
        onPress={() => void onClick()}
        class={PRIMARY_BUTTON}
      />
      <span role="status" class="text-xs">
        {state.kind === 'checking' && t('diagnosisRetryChecking')}
        {state.kind === 'back' && t('diagnosisRetryBack')}
        {state.kind === 'still-failing' && t('diagnosisRetryStillFailing', state.statusCode)}
        {state.kind === 'no-answer' && t('diagnosisRetryNoAnswer')}
        {state.kind === 'refused-post' && t('diagnosisRetryRefusedPost')}
      </span>
    </div>
  );
}
