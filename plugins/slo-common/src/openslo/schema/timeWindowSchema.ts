import { z } from 'zod';
import { isValidTimeZone, parseStartTime } from '../../math/timeWindow';
import { duration } from './fields';

/** An SLO's window: rolling, or calendar-aligned from a start time. */
export const timeWindowSchema = z
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
