import { z } from 'zod';
import { parseDuration } from '../math/duration';
import { isValidTimeZone, parseStartTime } from '../math/timeWindow';
import { objectiveSliProblems } from './objectiveSliProblems';
import { objectiveIndicator } from './referenceFields';
import { compositeSpecProblems } from '../composite/compositeSpecProblems';

/*
 * OpenSLO v1 (openslo/v1) as zod schemas. Messages are written for people
 * reading catalog processing errors: they say what is wrong and what is
 * expected; the path of the field is added by the validator.
 */

const name = z
  .string({
    required_error: 'is required',
    invalid_type_error: 'must be a string',
  })
  .min(1, 'must not be empty');

const duration = z
  .string({
    required_error: 'is required',
    invalid_type_error: 'must be a duration such as 5m, 1h or 28d',
  })
  .refine(
    v => parseDuration(v) !== undefined,
    v => ({
      message: `"${v}" is not a duration; expected a positive whole number and one of s, m, h, d, w, M, Q, Y (e.g. 28d)`,
    }),
  );

const fixedDuration = duration.refine(
  v => !/[MQY]$/.test(v),
  v => ({ message: `"${v}" has no fixed length; use s, m, h, d or w` }),
);

// `alertAfter` defaults to 0m in OpenSLO: no wait is a valid wait.
const wait = z
  .string({ invalid_type_error: 'must be a duration such as 0m, 5m or 1h' })
  .refine(
    v => /^0[smhdw]$/.test(v) || (!!parseDuration(v) && !/[MQY]$/.test(v)),
    v => ({
      message: `"${v}" is not a wait such as 0m, 5m or 1h (s, m, h, d or w)`,
    }),
  );

const metadata = z
  .object({
    name,
    displayName: z
      .string({ invalid_type_error: 'must be a string' })
      .optional(),
  })
  .passthrough();

const op = z.enum(['lt', 'lte', 'gt', 'gte'], {
  errorMap: () => ({ message: 'must be one of lt, lte, gt, gte' }),
});

const metricSource = z
  .object({
    metricSourceRef: z
      .string({ invalid_type_error: 'must be a string' })
      .min(1)
      .optional(),
    type: z
      .string({ invalid_type_error: 'must be a string' })
      .min(1)
      .optional(),
    spec: z.record(z.unknown(), {
      invalid_type_error: 'must be an object',
      required_error: 'is required',
    }),
  })
  .refine(s => s.metricSourceRef || s.type, {
    message: 'needs metricSourceRef (a DataSource) or type',
  });

const metric = z.object(
  { metricSource },
  { required_error: 'is required', invalid_type_error: 'must be an object' },
);

const ratioMetric = z
  .object({
    // Described but not required by OpenSLO; Triad reads a missing one as
    // true (see openSloWarnings).
    counter: z
      .boolean({ invalid_type_error: 'must be true or false' })
      .optional(),
    good: metric.optional(),
    bad: metric.optional(),
    total: metric.optional(),
    rawType: z
      .enum(['success', 'failure'], {
        errorMap: () => ({ message: 'must be success or failure' }),
      })
      .optional(),
    raw: metric.optional(),
  })
  .superRefine((r, ctx) => {
    const issue = (path: string, message: string) =>
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: [path], message });
    if (r.raw) {
      if (r.good || r.bad || r.total)
        issue('raw', 'cannot be combined with good, bad or total');
      if (!r.rawType) issue('rawType', 'is required with raw');
      return;
    }
    if (r.good && r.bad) issue('bad', 'cannot be given together with good');
    if (!r.good && !r.bad)
      issue('good', 'either good or bad is required (or raw with rawType)');
    if (!r.total) issue('total', 'is required with good or bad');
  });

export const sliSpecSchema = z
  .object({
    description: z
      .string()
      .max(1050, 'must be at most 1050 characters')
      .optional(),
    thresholdMetric: metric.optional(),
    ratioMetric: ratioMetric.optional(),
  })
  .superRefine((s, ctx) => {
    if (!!s.thresholdMetric === !!s.ratioMetric) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['ratioMetric'],
        message: 'exactly one of ratioMetric and thresholdMetric is required',
      });
    }
  });

const inlineSli = z.object({ metadata, spec: sliSpecSchema });

const timeWindow = z
  .object({
    duration,
    isRolling: z
      .boolean({ invalid_type_error: 'must be true or false' })
      .optional(),
    calendar: z
      .object({
        startTime: z.string({
          required_error: 'is required',
          invalid_type_error: 'must be a string',
        }),
        timeZone: z
          .string({
            required_error: 'is required',
            invalid_type_error: 'must be a string',
          })
          .refine(isValidTimeZone, v => ({
            message: `"${v}" is not an IANA time zone such as Europe/Berlin`,
          })),
      })
      .optional(),
  })
  .superRefine((w, ctx) => {
    if (w.isRolling) {
      if (/[MQY]$/.test(w.duration)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['duration'],
          message: `a rolling window needs a fixed length (s, m, h, d, w), not "${w.duration}"; use a calendar window for months, quarters and years`,
        });
      }
      return;
    }
    if (!w.calendar) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['calendar'],
        message:
          'is required when isRolling is not true (a calendar window needs startTime and timeZone)',
      });
    } else if (
      isValidTimeZone(w.calendar.timeZone) &&
      !parseStartTime(w.calendar.startTime, w.calendar.timeZone)
    ) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['calendar', 'startTime'],
        message: `"${w.calendar.startTime}" is not a time such as 2026-01-01 00:00:00`,
      });
    }
  });

const objective = z
  .object({
    displayName: z.string().optional(),
    op: op.optional(),
    value: z.number({ invalid_type_error: 'must be a number' }).optional(),
    // OpenSLO: target in [0, 1), targetPercent in [0, 100), timeSliceTarget in [0, 1].
    target: z
      .number({
        invalid_type_error: 'must be a number between 0 and 1, e.g. 0.999',
      })
      .gte(0, 'must be at least 0')
      .lt(1, 'must be below 1; a 100 % objective leaves no error budget')
      .optional(),
    targetPercent: z
      .number({
        invalid_type_error: 'must be a number between 0 and 100, e.g. 99.9',
      })
      .gte(0, 'must be at least 0')
      .lt(100, 'must be below 100; a 100 % objective leaves no error budget')
      .optional(),
    timeSliceTarget: z
      .number({ invalid_type_error: 'must be a number' })
      .gte(0, 'must be at least 0')
      .lte(1, 'must be at most 1')
      .optional(),
    timeSliceWindow: z.union([fixedDuration, z.number().positive()]).optional(),
    indicator: inlineSli.optional(),
    indicatorRef: name.optional(),
    compositeWeight: z
      .number({ invalid_type_error: 'must be a number above 0' })
      .positive('must be above 0')
      .optional(),
    // Triad's extension for composite SLOs: the part SLO this objective
    // stands for (OpenSLO v1 has compositeWeight but no field naming an SLO).
    sloRef: name.optional(),
  })
  .superRefine((o, ctx) => {
    if (o.sloRef !== undefined) {
      // A part is judged against its own SLO's target.
      for (const field of ['target', 'targetPercent'] as const) {
        if (o[field] !== undefined) {
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            path: [field],
            message:
              "cannot be given with sloRef: a part keeps its own SLO's target",
          });
        }
      }
      return;
    }
    if ((o.target === undefined) === (o.targetPercent === undefined)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['target'],
        message:
          'exactly one of target (0-1) and targetPercent (0-100) is required',
      });
    }
    // op and value only matter for a threshold SLI, which needs both: that is
    // checked against the SLI (objectiveSliProblems).
  });

export const alertNotificationTargetSpecSchema = z.object({
  description: z.string().max(1050).optional(),
  /** Where notifications go: email, slack, a web-hook, Opsgenie, … */
  target: name,
});

export const serviceSpecSchema = z.object({
  description: z.string().max(1050).optional(),
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

const alertPolicyRefOrInline = z.union([
  name,
  z.object({ alertPolicyRef: name }),
  z.object({
    kind: z.literal('AlertPolicy'),
    metadata,
    spec: alertPolicySpecSchema,
  }),
]);

export const sloSpecSchema = z
  .object({
    description: z
      .string()
      .max(1050, 'must be at most 1050 characters')
      .optional(),
    service: name,
    indicator: inlineSli.optional(),
    indicatorRef: name.optional(),
    // Optional in OpenSLO; the validator fills in DEFAULT_TIME_WINDOW.
    timeWindow: z
      .array(timeWindow, {
        invalid_type_error: 'must be a list with one time window',
      })
      .length(1, 'must hold exactly one time window')
      .optional(),
    budgetingMethod: z.enum(['Occurrences', 'Timeslices', 'RatioTimeslices'], {
      errorMap: () => ({
        message: 'must be one of Occurrences, Timeslices, RatioTimeslices',
      }),
    }),
    objectives: z
      .array(objective, {
        required_error: 'is required',
        invalid_type_error: 'must be a list',
      })
      .min(1, 'must hold at least one objective'),
    // `alertPolicies:` with nothing after it is null: no policies.
    alertPolicies: z.array(alertPolicyRefOrInline).nullable().optional(),
  })
  .superRefine((s, ctx) => {
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: z.ZodIssueCode.custom, path, message });
    if (s.indicator && s.indicatorRef)
      issue(['indicatorRef'], 'cannot be given together with indicator');
    if (s.objectives.some(o => o.sloRef !== undefined)) {
      compositeSpecProblems(s).forEach(p => issue(p.path, p.message));
      return;
    }
    s.objectives.forEach((o, i) => {
      if (o.indicator && o.indicatorRef)
        issue(
          ['objectives', i, 'indicatorRef'],
          'cannot be given together with indicator',
        );
      const sli = objectiveIndicator(s, i);
      if (!sli)
        issue(
          ['objectives', i, 'indicatorRef'],
          'the objective has no SLI: give indicator or indicatorRef on the SLO or the objective',
        );
      if (
        s.budgetingMethod !== 'Occurrences' &&
        o.timeSliceWindow === undefined
      ) {
        issue(
          ['objectives', i, 'timeSliceWindow'],
          `is required with budgetingMethod ${s.budgetingMethod}`,
        );
      }
      // A referenced SLI is checked by the resolver, which has it.
      for (const p of objectiveSliProblems(
        o,
        sli?.indicator?.spec,
        s.budgetingMethod,
      )) {
        issue(['objectives', i, p.field], p.message);
      }
    });
  });

export const dataSourceSpecSchema = z.object({
  description: z.string().max(1050).optional(),
  type: name,
  connectionDetails: z
    .record(z.unknown(), { invalid_type_error: 'must be an object' })
    .optional(),
});

export const OPENSLO_API_VERSION = 'openslo/v1';

/** Kinds of openslo/v1 documents Triad accepts. */
export const OPENSLO_KINDS = [
  'SLO',
  'SLI',
  'DataSource',
  'AlertPolicy',
  'AlertCondition',
  'AlertNotificationTarget',
  'Service',
] as const;
export type OpenSloKind = (typeof OPENSLO_KINDS)[number];

export const specSchemas = {
  SLO: sloSpecSchema,
  SLI: sliSpecSchema,
  DataSource: dataSourceSpecSchema,
  AlertPolicy: alertPolicySpecSchema,
  AlertCondition: alertConditionSpecSchema,
  AlertNotificationTarget: alertNotificationTargetSpecSchema,
  Service: serviceSpecSchema,
} as const;

type SloSpecInput = z.infer<typeof sloSpecSchema>;
/**
 * An SLO's spec as the validator returns it: with its time window (the
 * default when none is given) and without a null `alertPolicies`.
 */
export type SloSpec = Omit<SloSpecInput, 'timeWindow' | 'alertPolicies'> & {
  timeWindow: NonNullable<SloSpecInput['timeWindow']>;
  alertPolicies?: NonNullable<SloSpecInput['alertPolicies']>;
};
export type SliSpec = z.infer<typeof sliSpecSchema>;
export type DataSourceSpec = z.infer<typeof dataSourceSpecSchema>;
export type AlertPolicySpec = z.infer<typeof alertPolicySpecSchema>;
export type AlertConditionSpec = z.infer<typeof alertConditionSpecSchema>;
export type AlertNotificationTargetSpec = z.infer<
  typeof alertNotificationTargetSpecSchema
>;
export type ServiceSpec = z.infer<typeof serviceSpecSchema>;
export type SloObjective = SloSpec['objectives'][number];
export type SloTimeWindow = SloSpec['timeWindow'][number];
