import { z } from 'zod';
import { parseDuration } from '../../math/duration';

/* Fields that several OpenSLO kinds share. */

export const name = z
  .string({
    required_error: 'is required',
    invalid_type_error: 'must be a string',
  })
  .min(1, 'must not be empty');

export const duration = z
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

export const fixedDuration = duration.refine(
  v => !/[MQY]$/.test(v),
  v => ({ message: `"${v}" has no fixed length; use s, m, h, d or w` }),
);

// `alertAfter` defaults to 0m in OpenSLO: no wait is a valid wait.
export const wait = z
  .string({ invalid_type_error: 'must be a duration such as 0m, 5m or 1h' })
  .refine(
    v => /^0[smhdw]$/.test(v) || (!!parseDuration(v) && !/[MQY]$/.test(v)),
    v => ({
      message: `"${v}" is not a wait such as 0m, 5m or 1h (s, m, h, d or w)`,
    }),
  );

export const metadata = z
  .object({
    name,
    displayName: z
      .string({ invalid_type_error: 'must be a string' })
      .optional(),
  })
  .passthrough();

export const op = z.enum(['lt', 'lte', 'gt', 'gte'], {
  errorMap: () => ({ message: 'must be one of lt, lte, gt, gte' }),
});
