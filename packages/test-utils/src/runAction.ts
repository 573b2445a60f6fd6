import { TemplateAction } from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { parse } from 'yaml';

/**
 * Runs an action's handler the way the scaffolder would (the mock context
 * drops isDryRun, so it is spread in) and collects its outputs.
 */
export async function runAction(
  action: TemplateAction<any, any, any>,
  input: Record<string, any>,
  options: { workspacePath: string; isDryRun?: boolean },
): Promise<Record<string, any>> {
  const ctx = {
    ...createMockActionContext({
      input,
      workspacePath: options.workspacePath,
    }),
    isDryRun: options.isDryRun ?? false,
  };
  await action.handler(ctx);
  return Object.fromEntries(
    (ctx.output as jest.Mock).mock.calls.map(([k, v]) => [k, v]),
  );
}

/** The input of the single step of an action example. */
export function exampleInput(example: string): Record<string, any> {
  const { steps } = parse(example);
  return steps[0].input ?? {};
}
