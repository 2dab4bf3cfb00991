import type { diagnose } from './diagnose';
import type { ownerReport } from './report';

/**
 * What the background needs of the diagnosis engine, built as a script of its own (entrypoints/diagnosis-engine.ts)
 * that it loads at the first failure it meets (lib/platform/engine.ts): the worker wakes for every request the
 * browser makes, and would otherwise parse the fingerprints, status catalogue and guidance on every wake of a
 * healthy browsing session. Types and a name only, so that importing this costs the background nothing.
 */
export interface Engine {
  readonly diagnose: typeof diagnose;
  readonly ownerReport: typeof ownerReport;
}

/** The global the engine's script leaves the engine in: a classic script has no exports. */
export const ENGINE_GLOBAL = '__gatewayDoctorEngine';
export type EngineHost = typeof globalThis & { [ENGINE_GLOBAL]?: Engine };
