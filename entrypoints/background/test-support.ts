/**
 * Imported by the background's Node tests: the diagnosis engine as the background has it once the engine's script has
 * run. The background loads that script at its first failure (lib/platform/engine.ts); in Node there is no script to
 * load, so this runs it.
 */
import engineScript from '../diagnosis-engine';

engineScript.main();
