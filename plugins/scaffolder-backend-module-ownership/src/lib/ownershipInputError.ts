import { InputError } from '@backstage/errors';
import {
  OwnershipProblem,
  formatOwnershipProblem,
} from '@triad/plugin-ownership-common';

/**
 * Fails with every problem of an ownership block given as an action input,
 * named as the template author wrote it: `topology.type`, not
 * `spec.topology.type`.
 */
export function ownershipInputError(
  input: 'topology' | 'responsibilities',
  problems: readonly OwnershipProblem[],
): InputError {
  const specPath = `spec.${input}`;
  return new InputError(
    `Invalid ${input}: ${problems
      .map(p =>
        formatOwnershipProblem({
          ...p,
          path: p.path.startsWith(specPath)
            ? input + p.path.slice(specPath.length)
            : p.path,
        }),
      )
      .join('; ')}`,
  );
}
