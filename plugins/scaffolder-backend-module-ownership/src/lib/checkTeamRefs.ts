import { makeValidator, parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';

const validator = makeValidator();

/** Problems with references that must point at one kind (group, user). */
function refProblems(
  field: string,
  refs: readonly string[],
  kind: 'group' | 'user',
  namespace: string,
): string[] {
  return refs.flatMap((ref, i) => {
    const at =
      refs.length === 1 && field === 'parent' ? field : `${field}[${i}]`;
    try {
      const parsed = parseEntityRef(ref, {
        defaultKind: kind,
        defaultNamespace: namespace,
      });
      if (
        parsed.kind.toLocaleLowerCase('en-US') === kind &&
        validator.isValidNamespace(parsed.namespace) &&
        validator.isValidEntityName(parsed.name)
      ) {
        return [];
      }
    } catch {
      // reported below
    }
    return [
      `${at}: "${ref}" is not a ${kind} reference such as ${kind}:${
        kind === 'group' ? 'infrastructure' : 'ada'
      }`,
    ];
  });
}

/**
 * Checks that a team's parent and children are groups and its members users,
 * failing with every bad reference at once.
 */
export function checkTeamRefs(
  team: { parent?: string; children?: string[]; members?: string[] },
  namespace: string,
): void {
  const problems = [
    ...refProblems(
      'parent',
      team.parent ? [team.parent] : [],
      'group',
      namespace,
    ),
    ...refProblems('children', team.children ?? [], 'group', namespace),
    ...refProblems('members', team.members ?? [], 'user', namespace),
  ];
  if (problems.length) throw new InputError(problems.join('; '));
}
