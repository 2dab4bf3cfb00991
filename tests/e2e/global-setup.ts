import { BUILDS, browserExecutable, builtExtension } from './harness/paths';

/** Fails the e2e run at once, with what to do, when the build or a browser is missing. */
export default function checkPrerequisites(): void {
  for (const name of Object.keys(BUILDS) as (keyof typeof BUILDS)[]) {
    builtExtension(name);
    browserExecutable(name);
  }
}
