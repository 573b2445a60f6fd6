import { z } from 'zod';
import { compositeSpecProblems } from '../../composite/compositeSpecProblems';
import { objectiveSliProblems } from '../objectiveSliProblems';
import { objectiveIndicator } from '../referenceFields';
import { alertPolicyRefOrInline } from './alertSchemas';
import { name } from './fields';
import { objectiveSchema } from './objectiveSchema';
import { inlineSli } from './sliSpecSchema';
import { timeWindowSchema } from './timeWindowSchema';

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
      .array(timeWindowSchema, {
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
      .array(objectiveSchema, {
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
