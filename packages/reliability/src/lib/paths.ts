import { resolvePackagePath } from '@backstage/backend-plugin-api';

/** A path inside this package, e.g. `src/backend/main.ts`. */
export function reliabilityPath(...paths: string[]): string {
  return resolvePackagePath('@triad/reliability', ...paths);
}
