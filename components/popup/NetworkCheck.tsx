import { LINK } from '../diagnosis/styles';
import { BUTTON } from '../diagnosis/styles';
import { downForEveryoneUrl } from '../diagnosis/step-links';
import { useT } from '../i18n';
import { CheckItem } from './CheckItem';
import { OutsideLink } from './OutsideLink';
import { QrCode } from './QrCode';

export interface NetworkCheckProps {
  readonly pageUrl: string;
  /** The address the code holds. */
  readonly qrAddress: string;
  readonly modules: readonly (readonly boolean[])[] | null;
  readonly onToggle: () => void;
}

/** Check 6: the same page from another network, by a QR code for the visitor's phone; and the outside checks. */
export function NetworkCheck({ pageUrl, qrAddress, modules, onToggle }: NetworkCheckProps) {
  const t = useT();
  const down = downForEveryoneUrl(pageUrl);
  return (
    <CheckItem id="check-network" title={t('stepOtherNetworkTitle')} why={t('stepOtherNetworkWhy')}>
      <button
        type="button"
        class={BUTTON}
        aria-expanded={modules !== null}
        aria-controls="check-network-code"
        onClick={onToggle}
      >
        {modules ? t('checkQrHide') : t('checkQrButton')}
      </button>
      <div id="check-network-code" class="flex flex-col items-start gap-1">
        {modules && (
          <>
            <QrCode modules={modules} label={t('checkQrLabel', qrAddress)} />
            <p class="m-0 text-xs">{t('checkQrHow')}</p>
          </>
        )}
      </div>
      {down && <OutsideLink href={down} label={t('diagnosisCheckDownLink')} class={LINK} />}
    </CheckItem>
  );
}
