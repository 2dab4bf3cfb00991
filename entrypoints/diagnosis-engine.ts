import { defineUnlistedScript } from '#imports';
import { diagnose } from '@/lib/diagnosis/diagnose';
import { ENGINE_GLOBAL, type Engine, type EngineHost } from '@/lib/diagnosis/engine';
import { ownerReport } from '@/lib/diagnosis/report';

// Loaded by the background only (lib/platform/engine.ts), when a failure needs diagnosing.
export default defineUnlistedScript(() => {
  (globalThis as EngineHost)[ENGINE_GLOBAL] = { diagnose, ownerReport } satisfies Engine;
});
