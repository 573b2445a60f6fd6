import { z } from 'zod';
import { fixedDuration, metadata, name, op, wait } from './fields';

export const alertNotificationTargetSpecSchema = z.object({
  description: z.string().max(1050).optional(),
  /** Where notifications go: email, slack, a web-hook, Opsgenie, … */
  target: name,
});

export const alertConditionSpecSchema = z.object({
  description: z.string().max(1050).optional(),
  severity: name,
  condition: z.object(
    {
      // OpenSLO: "defaults to burnrate".
      kind: z
        .literal('burnrate', {
          errorMap: () => ({ message: 'must be burnrate' }),
        })
        .optional(),
      op: op,
      threshold: z
        .number({
          required_error: 'is required',
          invalid_type_error: 'must be a number',
        })
        .positive('must be above 0'),
      lookbackWindow: fixedDuration,
      alertAfter: wait.optional(),
    },
    { required_error: 'is required', invalid_type_error: 'must be an object' },
  ),
});

export const alertPolicySpecSchema = z.object({
  description: z.string().max(1050).optional(),
  alertWhenNoData: z
    .boolean({ invalid_type_error: 'must be true or false' })
    .optional(),
  alertWhenResolved: z
    .boolean({ invalid_type_error: 'must be true or false' })
    .optional(),
  alertWhenBreaching: z
    .boolean({ invalid_type_error: 'must be true or false' })
    .optional(),
  conditions: z
    .array(
      z.union([
        z.object({ conditionRef: name }),
        z.object({
          kind: z.literal('AlertCondition'),
          metadata,
          spec: alertConditionSpecSchema,
        }),
      ]),
      { required_error: 'is required', invalid_type_error: 'must be a list' },
    )
    .min(1, 'must hold at least one condition'),
  notificationTargets: z
    .array(
      z.union([
        z.object({ targetRef: name }),
        z.object({
          kind: z.literal('AlertNotificationTarget'),
          metadata,
          spec: alertNotificationTargetSpecSchema,
        }),
      ]),
      { invalid_type_error: 'must be a list' },
    )
    .optional(),
});

/** An SLO's alert policy: its name, a reference, or the policy inline. */
export const alertPolicyRefOrInline = z.union([
  name,
  z.object({ alertPolicyRef: name }),
  z.object({
    kind: z.literal('AlertPolicy'),
    metadata,
    spec: alertPolicySpecSchema,
  }),
]);
