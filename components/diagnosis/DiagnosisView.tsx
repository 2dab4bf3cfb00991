import type { Diagnosis } from '@/lib/diagnosis/types';
import { Headline } from './Headline';
import { HopDiagram } from './HopDiagram';
import type { OperatingSystem } from './operating-system';
import { OwnerSection } from './OwnerSection';
import { SideVerdict } from './SideVerdict';
import type { DiagnosisActions } from './StepAction';
import { VisitorSteps } from './VisitorSteps';

export interface DiagnosisViewProps {
  readonly diagnosis: Diagnosis;
  /** The address of the failed page, for the outside checks. */
  readonly pageUrl: string;
  readonly os: OperatingSystem;
  readonly actions: DiagnosisActions;
  readonly now?: () => number;
}

/** The whole explanation, in the order a visitor needs it: what happened, where, whose side, what to do. */
export function DiagnosisView({ diagnosis, pageUrl, os, actions, now }: DiagnosisViewProps) {
  return (
    <div class="flex flex-col gap-4">
      <Headline {...diagnosis} />
      <HopDiagram {...diagnosis} />
      <SideVerdict {...diagnosis} />
      <VisitorSteps diagnosis={diagnosis} pageUrl={pageUrl} os={os} actions={actions} now={now} />
      <OwnerSection {...diagnosis} />
    </div>
  );
}
