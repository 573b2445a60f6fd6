import { z } from 'zod';
import { fixedDuration, name, op } from './fields';
import { inlineSli } from './sliSpecSchema';

/** One objective of an SLO, or a part of a composite SLO (`sloRef`). */
export const objectiveSchema = z
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
