import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  InputError,
  NotAllowedError,
  ResponseError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { SloBackendOptions, sloBackend } from '../lib/sloBackend';
import { SLO_EVENT_TYPES, SloEvent } from '@triad/plugin-slo-common';
import {
  ActionSchemaField,
  parseEntityRefInput,
} from '@triad/scaffolder-utils';
import { examples } from './eventCreateAction.examples';

// The declarative input and output schema of the action.
const schema = {
  input: {
    entityRef: z =>
      z
        .string()
        .min(1)
        .describe(
          'The entity: component:default/checkout-service (default kind component)',
        ),
    id: z =>
      z
        .string()
        .min(1)
        .describe(
          'Names the event; the same id again replaces it (e.g. the release or run id)',
        ),
    type: z =>
      z
        .enum(SLO_EVENT_TYPES)
        .optional()
        .describe('deploy (default), incident or maintenance'),
    title: z => z.string().min(1).describe('What happened'),
    time: z =>
      z
        .string()
        .optional()
        .describe('When, ISO 8601 (default: when the step runs)'),
    end: z =>
      z
        .string()
        .optional()
        .describe('When an incident or maintenance ended, ISO 8601'),
    link: z => z.string().optional().describe('An http(s) link to the change'),
    version: z => z.string().optional().describe('The version deployed'),
  } satisfies Record<string, ActionSchemaField>,
  output: {
    entityRef: z => z.string().describe('The entity, as the backend names it'),
    id: z => z.string().describe('The event id'),
    time: z => z.string().describe('When the event happened, ISO 8601'),
  } satisfies Record<string, ActionSchemaField>,
};

/**
 * `slo:event:create`: records a deploy, incident or maintenance of an entity
 * in the SLO backend, on behalf of the user running the template, so that
 * its SLO charts mark it. A dry run only says what it would record.
 *
 * @public
 */
export function createEventCreateAction(options: SloBackendOptions) {
  const { client, tokenFor } = sloBackend(options);

  return createTemplateAction({
    id: 'slo:event:create',
    description:
      'Records a deploy, incident or maintenance of an entity in the Triad SLO backend; its SLO charts mark it, and for a deploy the SLO tab compares the budget spent in the hour after with the hour before. The same id for the same entity replaces the event, so a re-run step records it once. Needs the permission slo.events.create.',
    supportsDryRun: true,
    examples,
    schema,
    async handler(ctx) {
      const { input } = ctx;
      const entityRef = stringifyEntityRef(
        parseEntityRefInput(input.entityRef, 'entityRef'),
      );
      const time = input.time ?? new Date().toISOString();
      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would record ${input.type ?? 'deploy'} ${
            input.id
          } of ${entityRef} at ${time}: ${input.title}`,
        );
        ctx.output('entityRef', entityRef);
        ctx.output('id', input.id);
        ctx.output('time', time);
        return;
      }
      const token = await tokenFor(ctx);
      let event: SloEvent;
      try {
        event = await client.recordEvent(
          {
            id: input.id,
            entityRef,
            // The runner does not apply zod defaults: they are applied here.
            type: input.type ?? 'deploy',
            time,
            title: input.title,
            ...(input.end !== undefined && { end: input.end }),
            ...(input.link !== undefined && { link: input.link }),
            ...(input.version !== undefined && { version: input.version }),
          },
          { token },
        );
      } catch (e) {
        throw eventError(e, entityRef);
      }
      ctx.logger.info(
        `Recorded ${event.type} ${event.id} of ${event.entityRef} at ${event.time}: ${event.title}`,
      );
      ctx.output('entityRef', event.entityRef);
      ctx.output('id', event.id);
      ctx.output('time', event.time);
    },
  });
}

/** The SLO backend's answer as the error the action fails with. */
function eventError(e: unknown, entityRef: string): Error {
  if (!(e instanceof ResponseError)) {
    return new ServiceUnavailableError(
      `The SLO backend did not answer the event for ${entityRef}: ${
        (e as Error).message
      }`,
    );
  }
  const message = e.body?.error?.message ?? e.message;
  if (e.statusCode === 400) return new InputError(message);
  if (e.statusCode === 404) {
    return new InputError(
      `entityRef: ${entityRef} is not in the catalog, or you may not see it`,
    );
  }
  if (e.statusCode === 403) return new NotAllowedError(message);
  return new ServiceUnavailableError(
    `The SLO backend refused the event for ${entityRef}: ${message}`,
  );
}
