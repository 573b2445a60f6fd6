import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  InputError,
  NotAllowedError,
  ResponseError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { SloBackendOptions, sloBackend } from '../lib/sloBackend';
import { examples } from './policyCheckAction.examples';
import {
  ActionSchemaField,
  parseEntityRefInput,
} from '@triad/scaffolder-utils';
import {
  PolicyDecision,
  describeReleaseGatePolicy,
} from '@triad/plugin-slo-common';

// The declarative input and output schema of the action.
const schema = {
  input: {
    entityRef: z =>
      z
        .string()
        .min(1)
        .describe(
          'The entity to ask about: component:default/checkout-service (default kind component)',
        ),
    failOnBlock: z =>
      z
        .boolean()
        .optional()
        .describe(
          'Fail the task when the policy blocks releases. Default true',
        ),
  } satisfies Record<string, ActionSchemaField>,
  output: {
    entityRef: z => z.string().describe('The entity, as the backend names it'),
    releaseAllowed: z =>
      z.boolean().describe('Whether the policy allows a release now'),
    summary: z => z.string().describe('One sentence that sums the decision up'),
    blockingReasons: z =>
      z
        .array(z.string())
        .describe('Why releases are blocked (empty when allowed)'),
    reasons: z =>
      z
        .array(
          z.object({
            sloRef: z.string(),
            objective: z.string().optional(),
            blocking: z.boolean(),
            message: z.string(),
          }),
        )
        .describe('Every SLO objective considered, blocking or not'),
    evaluatedAt: z => z.string().describe('When the decision was made'),
    policy: z =>
      z
        .string()
        .optional()
        .describe(
          "The policy applied and where each setting came from (the service's annotation, its team's config or the default)",
        ),
  } satisfies Record<string, ActionSchemaField>,
};

/**
 * `slo:policy:check`: asks the SLO backend's error-budget policy whether an
 * entity may release now, on behalf of the user running the template.
 *
 * @public
 */
export function createPolicyCheckAction(options: SloBackendOptions) {
  const { client, tokenFor } = sloBackend(options);

  return createTemplateAction({
    id: 'slo:policy:check',
    description:
      'Asks the error-budget policy of the Triad SLO backend whether an entity may release. By default a blocked release fails the task; with failOnBlock: false the decision is only output. In a dry run the decision is reported and never fails the task.',
    supportsDryRun: true,
    examples,
    schema,
    async handler(ctx) {
      const entityRef = stringifyEntityRef(
        parseEntityRefInput(ctx.input.entityRef, 'entityRef'),
      );
      const token = await tokenFor(ctx);

      let decision: PolicyDecision;
      try {
        decision = await client.getPolicy(entityRef, { token });
      } catch (e) {
        throw policyError(e, entityRef);
      }

      const blocking = decision.reasons
        .filter(r => r.blocking)
        .map(r => r.message);
      ctx.output('entityRef', decision.entityRef);
      ctx.output('releaseAllowed', decision.releaseAllowed);
      ctx.output('summary', decision.summary);
      ctx.output('blockingReasons', blocking);
      ctx.output('reasons', decision.reasons);
      ctx.output('evaluatedAt', decision.evaluatedAt);
      if (decision.policy) {
        const policy = describeReleaseGatePolicy(decision.policy);
        ctx.output('policy', policy);
        ctx.logger.info(`Policy: ${policy}`);
        decision.policy.problems.forEach(p => ctx.logger.warn(p));
      }

      for (const reason of decision.reasons) {
        ctx.logger.info(
          `${reason.blocking ? 'BLOCKING: ' : ''}${reason.message}`,
        );
      }
      if (decision.releaseAllowed) {
        ctx.logger.info(decision.summary);
        return;
      }
      if (ctx.input.failOnBlock === false) {
        ctx.logger.warn(decision.summary);
      } else if (ctx.isDryRun) {
        ctx.logger.warn(
          `${decision.summary} (dry run: a real run would fail here)`,
        );
      } else {
        throw new NotAllowedError(decision.summary);
      }
    },
  });
}

/** The SLO backend's answer as the error the action fails with. */
function policyError(e: unknown, entityRef: string): Error {
  if (e instanceof ResponseError && e.statusCode === 404) {
    return new InputError(
      `entityRef: ${entityRef} is not in the catalog, or you may not see it`,
    );
  }
  if (e instanceof ResponseError) {
    return new ServiceUnavailableError(
      `The SLO backend refused the policy request for ${entityRef}: ${e.message}`,
    );
  }
  return new ServiceUnavailableError(
    `The SLO backend did not answer the policy request for ${entityRef}: ${
      (e as Error).message
    }`,
  );
}
