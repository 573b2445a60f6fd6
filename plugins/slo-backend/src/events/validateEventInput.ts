import { InputError } from '@backstage/errors';
import { SLO_EVENT_TYPES, SloEventType } from '@triad/plugin-slo-common';
import { EventRecord } from './EventStore';
import { parseEventEntityRef } from './parseEventEntityRef';

const ID = /^[A-Za-z0-9][A-Za-z0-9._:/@+-]{0,199}$/;

function timeOf(value: unknown): number {
  let ms = NaN;
  if (typeof value === 'number') ms = value;
  if (typeof value === 'string') ms = Date.parse(value);
  // Beyond what a Date can hold is as unusable as no time at all.
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? ms : NaN;
}

function optionalText(
  body: Record<string, unknown>,
  field: string,
  maxLength: number,
  problems: string[],
): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || !value.trim()) {
    problems.push(`${field}: must be a non-empty string`);
  } else if (value.length > maxLength) {
    problems.push(`${field}: at most ${maxLength} characters`);
  } else {
    return value;
  }
  return undefined;
}

/**
 * Checks a `POST /v1/events` body; every problem is named with its field.
 * Events older than `oldestMs` would be removed by the next retention run,
 * so they are refused.
 */
export function validateEventInput(
  body: unknown,
  oldestMs: number,
): EventRecord {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new InputError(
      'body: must be an object { id, entityRef, type, time, title, end?, link?, version? }',
    );
  }
  const b = body as Record<string, unknown>;
  const problems: string[] = [];

  const id = b.id;
  if (typeof id !== 'string' || !ID.test(id)) {
    problems.push(
      'id: required, 1 to 200 letters, digits or ._:/@+- (starting with a letter or digit)',
    );
  }

  let entityRef = '';
  try {
    entityRef = parseEventEntityRef(b.entityRef);
  } catch (error) {
    problems.push((error as Error).message);
  }

  if (!SLO_EVENT_TYPES.includes(b.type as SloEventType)) {
    problems.push(`type: must be one of ${SLO_EVENT_TYPES.join(', ')}`);
  }

  const timeMs = timeOf(b.time);
  if (b.time === undefined) {
    problems.push('time: required, an ISO 8601 time or epoch milliseconds');
  } else if (Number.isNaN(timeMs)) {
    problems.push('time: must be an ISO 8601 time or epoch milliseconds');
  } else if (timeMs < oldestMs) {
    problems.push(
      `time: ${new Date(
        timeMs,
      ).toISOString()} is older than the retention period (slo.snapshotRetention)`,
    );
  }

  let endMs: number | undefined;
  if (b.end !== undefined && b.end !== null) {
    endMs = timeOf(b.end);
    if (Number.isNaN(endMs)) {
      problems.push('end: must be an ISO 8601 time or epoch milliseconds');
    } else if (endMs < timeMs) {
      problems.push('end: must not be before time');
    }
  }

  const title = optionalText(b, 'title', 500, problems);
  if (b.title === undefined || b.title === null) {
    problems.push('title: required');
  }

  const link = optionalText(b, 'link', 2000, problems);
  if (link !== undefined && !/^https?:\/\/[^\s]+$/.test(link)) {
    problems.push('link: must be an http or https URL');
  }
  const version = optionalText(b, 'version', 200, problems);

  if (problems.length) throw new InputError(problems.join('; '));
  return {
    id: id as string,
    entityRef,
    type: b.type as SloEventType,
    timeMs,
    endMs,
    title: title!,
    link,
    version,
  };
}
