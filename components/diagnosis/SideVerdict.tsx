import type { Diagnosis, Side } from '@/lib/diagnosis/types';
import type { MessageKey } from '@/lib/i18n/messages';
import { useT } from '../i18n';

const SIDES: Readonly<Record<Side, MessageKey>> = {
  site: 'diagnosisSideSite',
  visitor: 'diagnosisSideVisitor',
  either: 'diagnosisSideEither',
  unknown: 'diagnosisSideUnknown',
};

export type SideVerdictProps = Pick<Diagnosis, 'side' | 'typicalDuration'>;

/** Whose side the problem is on, and how long this usually lasts. */
export function SideVerdict({ side, typicalDuration }: SideVerdictProps) {
  const t = useT();
  return (
    <div class="flex flex-col gap-1 rounded-lg bg-slate-100 p-3 text-sm dark:bg-slate-800">
      <p class="font-medium">{t(SIDES[side])}</p>
      <p class="text-slate-600 dark:text-slate-300">{t(typicalDuration)}</p>
    </div>
  );
}
