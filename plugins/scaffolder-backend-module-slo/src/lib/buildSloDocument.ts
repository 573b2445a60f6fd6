import { makeValidator, parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  SloDocument,
  parseDuration,
  validateOpenSloDocument,
} from '@triad/plugin-slo-common';

/** What `slo:openslo:create` needs to build one SLO document. */
export interface SloDocumentInput {
  service: string;
  type?: 'availability' | 'latency' | 'custom';
  name?: string;
  displayName?: string;
  description?: string;
  target: number;
  window?: string;
  calendar?: { startTime: string; timeZone: string };
  budgetingMethod?: 'Occurrences' | 'Timeslices' | 'RatioTimeslices';
  timeSliceTarget?: number;
  timeSliceWindow?: string;
  latencyThresholdMs?: number;
  dataSource?: 'builtin' | 'prometheus';
  dataSourceRef?: string;
  series?: string;
  queries?: { good?: string; bad?: string; total?: string };
  indicator?: Record<string, unknown>;
  objective?: Record<string, unknown>;
}

const validator = makeValidator();

// Paths of the generated document → the input field that produced them, so
// errors name what the template author wrote.
const INPUT_OF: Array<[RegExp, string]> = [
  [/^metadata\.name/, 'name'],
  [/^spec\.service/, 'service'],
  [/^spec\.timeWindow\[0\]\.calendar/, 'calendar'],
  [/^spec\.timeWindow/, 'window'],
  [/^spec\.budgetingMethod/, 'budgetingMethod'],
  [/^spec\.objectives\[0\]\.(target|targetPercent)/, 'target'],
  [/^spec\.objectives\[0\]\.timeSliceTarget/, 'timeSliceTarget'],
  [/^spec\.objectives\[0\]\.timeSliceWindow/, 'timeSliceWindow'],
  [/^spec\.objectives\[0\]/, 'objective'],
  [
    /^spec\.indicator\.spec\.ratioMetric\.(good|bad|total)\.metricSource\.spec/,
    'queries or series',
  ],
  [/^spec\.indicator/, 'indicator'],
];

function inputFieldOf(path: string): string | undefined {
  return INPUT_OF.find(([re]) => re.test(path))?.[1];
}

const metric = (ref: string, spec: Record<string, unknown>) => ({
  metricSource: { metricSourceRef: ref, spec },
});

function prometheusRatio(input: SloDocumentInput) {
  const q = input.queries ?? {};
  const problems: string[] = [];
  if (!q.total) {
    problems.push(
      'queries.total: is required with dataSource prometheus (a series selector such as http_requests_total{job="checkout"})',
    );
  }
  if (!q.good === !q.bad) {
    problems.push(
      'queries: give exactly one of good and bad (series selectors, or PromQL with {{window}})',
    );
  }
  if (problems.length) throw new InputError(problems.join('; '));
  const ref = input.dataSourceRef || 'prometheus';
  return {
    counter: true,
    ...(q.good
      ? { good: metric(ref, { query: q.good }) }
      : { bad: metric(ref, { query: q.bad }) }),
    total: metric(ref, { query: q.total }),
  };
}

function indicatorSpec(
  input: SloDocumentInput,
  type: string,
  serviceName: string,
): Record<string, unknown> {
  if (type === 'custom') {
    if (!input.indicator) {
      throw new InputError(
        'indicator: is required with type custom (an OpenSLO SLI spec with ratioMetric or thresholdMetric)',
      );
    }
    return input.indicator;
  }
  if (input.indicator) {
    throw new InputError(
      `indicator: is only used with type custom; type ${type} builds its own`,
    );
  }
  const source = input.dataSource ?? 'builtin';
  if (source === 'prometheus') return { ratioMetric: prometheusRatio(input) };
  if (input.queries) {
    throw new InputError(
      'queries: are PromQL and need dataSource prometheus; the built-in store reads series',
    );
  }
  const series =
    input.series ??
    (type === 'latency'
      ? `${serviceName}/requests-under-${input.latencyThresholdMs}ms`
      : `${serviceName}/requests`);
  // The built-in store keeps good and total of a series together.
  const ref = input.dataSourceRef || 'builtin';
  return {
    ratioMetric: {
      counter: true,
      good: metric(ref, { series }),
      total: metric(ref, { series }),
    },
  };
}

/**
 * Builds one OpenSLO v1 SLO with its SLI inline, and validates it with
 * slo-common's validator. Throws an InputError naming the input fields at
 * fault (and the document field) rather than writing an invalid document.
 */
export function buildSloDocument(input: SloDocumentInput): SloDocument {
  const type = input.type ?? 'availability';
  const service = serviceRef(input.service);
  if (type === 'latency' && !(input.latencyThresholdMs! > 0)) {
    throw new InputError(
      'latencyThresholdMs: is required with type latency (e.g. 300 for requests faster than 300 ms)',
    );
  }
  const name =
    input.name ?? `${service.name}-${type === 'custom' ? 'slo' : type}`;
  if (!validator.isValidEntityName(name)) {
    throw new InputError(
      `name: "${name}" is not a valid entity name (letters, digits, - _ and ., at most 63 characters)`,
    );
  }
  const doc = {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: {
      name,
      ...(input.displayName && { displayName: input.displayName }),
    },
    spec: {
      ...(input.description && { description: input.description }),
      service: input.service.trim(),
      indicator: {
        metadata: { name: `${name}-sli` },
        spec: indicatorSpec(input, type, service.name),
      },
      timeWindow: [timeWindow(input)],
      budgetingMethod: input.budgetingMethod ?? 'Occurrences',
      objectives: [objective(input, type)],
    },
  };

  return validated(doc, name);
}

function serviceRef(service: string) {
  try {
    return parseEntityRef(service, {
      defaultKind: 'component',
      defaultNamespace: 'default',
    });
  } catch {
    throw new InputError(
      `service: "${service}" is not an entity reference such as checkout-service or component:default/checkout-service`,
    );
  }
}

function timeWindow(input: SloDocumentInput) {
  const window = input.window ?? '28d';
  // Months, quarters and years are calendar periods; the validator reports a
  // missing calendar block with its own message.
  const unit = parseDuration(window)?.unit;
  const calendarPeriod = unit === 'M' || unit === 'Q' || unit === 'Y';
  return input.calendar || calendarPeriod
    ? {
        duration: window,
        ...(input.calendar && { calendar: input.calendar }),
      }
    : { duration: window, isRolling: true };
}

function objective(input: SloDocumentInput, type: string) {
  const objectiveNames: Record<string, string> = {
    availability: 'Requests without a server error',
    latency: `Requests faster than ${input.latencyThresholdMs} ms`,
  };
  const objectiveName = objectiveNames[type];
  return {
    ...(objectiveName && { displayName: objectiveName }),
    target: input.target,
    ...(input.timeSliceTarget !== undefined && {
      timeSliceTarget: input.timeSliceTarget,
    }),
    ...(input.timeSliceWindow !== undefined && {
      timeSliceWindow: input.timeSliceWindow,
    }),
    ...input.objective,
  };
}

/** The document as slo-common's validator returns it, or an InputError naming the input fields at fault. */
function validated(doc: unknown, name: string): SloDocument {
  const result = validateOpenSloDocument(doc);
  if (!result.ok) {
    const lines = result.problems.map(p => {
      const field = inputFieldOf(p.path);
      return `${field ? `${field} (${p.path})` : p.path}: ${p.message}`;
    });
    throw new InputError(
      `The SLO "${name}" would not be valid OpenSLO, so nothing was written: ${lines.join(
        '; ',
      )}`,
    );
  }
  return result.document as SloDocument;
}
