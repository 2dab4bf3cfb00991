import { useT } from '../i18n';

/** A link that opens another site in a new tab, saying so to screen readers. */
export function OutsideLink({
  href,
  label,
  class: className,
}: {
  href: string;
  label: string;
  class: string;
}) {
  const t = useT();
  return (
    <a class={className} href={href} target="_blank" rel="noopener noreferrer">
      {label}
      <span class="sr-only"> {t('diagnosisOpensInNewTab')}</span>
    </a>
  );
}
