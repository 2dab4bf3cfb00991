import { useT } from '../i18n';
import { CopyButton } from './CopyButton';
import { flushDnsHowTo } from './flush-dns';
import type { OperatingSystem } from './operating-system';

export interface FlushDnsCommandProps {
  readonly os: OperatingSystem;
  readonly copy: (text: string) => Promise<boolean>;
}

/** The command that clears the DNS cache on the visitor's own system, ready to copy. */
export function FlushDnsCommand({ os, copy }: FlushDnsCommandProps) {
  const t = useT();
  const { how, command } = flushDnsHowTo(os);
  if (command === undefined) return <p class="text-xs">{t(how)}</p>;
  return (
    <div class="flex flex-col gap-1">
      <p class="text-xs">{t(how)}</p>
      <code class="block rounded-md bg-slate-900 px-2 py-1 font-mono text-xs break-all text-slate-50 select-all dark:bg-slate-950">
        {command}
      </code>
      <CopyButton label="diagnosisCopyCommand" text={() => command} copy={copy} />
    </div>
  );
}
