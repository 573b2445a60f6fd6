/*
 * OpenSLO v1 (openslo/v1) as zod schemas. Messages are written for people
 * reading catalog processing errors: they say what is wrong and what is
 * expected; the path of the field is added by the validator. The larger
 * kinds and the parts of an SLO have files of their own; the fields they
 * share are in fields.ts.
 */

import { z } from 'zod';
import {
  alertConditionSpecSchema,
  alertNotificationTargetSpecSchema,
  alertPolicySpecSchema,
} from './alertSchemas';
import { name } from './fields';
import { sliSpecSchema } from './sliSpecSchema';
import { sloSpecSchema } from './sloSpecSchema';

export {
  alertConditionSpecSchema,
  alertNotificationTargetSpecSchema,
  alertPolicySpecSchema,
} from './alertSchemas';
export { sliSpecSchema } from './sliSpecSchema';
export { sloSpecSchema } from './sloSpecSchema';

export const serviceSpecSchema = z.object({
  description: z.string().max(1050).optional(),
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
