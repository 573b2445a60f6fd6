import { z } from 'zod';
import { metadata } from './fields';

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

/** An SLI written inside an SLO or an objective. */
export const inlineSli = z.object({ metadata, spec: sliSpecSchema });
