import { OpenSloFileProblem } from './readOpenSloFiles';
import { LABEL_NAME } from './ruleText';
import {
  DEFAULT_OWNER_LABELS,
  PrometheusRuleOptions,
  RESERVED_RULE_LABELS,
} from './types';

const NOT_A_LABEL_NAME =
  'is not a Prometheus label name (letters, digits and _, not starting with a digit or __)';

const isLabelName = (name: string) =>
  LABEL_NAME.test(name) && !name.startsWith('__');

/** The problems of the options of generatePrometheusRules, if any. */
export function checkRuleOptions(
  options: PrometheusRuleOptions,
): OpenSloFileProblem[] {
  const problems: OpenSloFileProblem[] = [];
  if (options.owners) problems.push(...checkOwnerLabels(options));
  const min = options.minEventsPerHour;
  if (min !== undefined && !(Number.isFinite(min) && min >= 0)) {
    problems.push({
      path: 'minEventsPerHour',
      message: `must be a number of events of 0 or more, not ${min}`,
    });
  }
  for (const [name, value] of Object.entries(options.labels ?? {})) {
    const path = `labels.${name}`;
    if (!isLabelName(name)) {
      problems.push({ path, message: NOT_A_LABEL_NAME });
    } else if (RESERVED_RULE_LABELS.includes(name)) {
      problems.push({
        path,
        message: `is set by the generator (${RESERVED_RULE_LABELS.join(', ')})`,
      });
    } else if (typeof value !== 'string') {
      problems.push({ path, message: 'must be a string' });
    }
  }
  return problems;
}

function checkOwnerLabels(
  options: PrometheusRuleOptions,
): OpenSloFileProblem[] {
  const problems: OpenSloFileProblem[] = [];
  const ownerLabels = { ...DEFAULT_OWNER_LABELS, ...options.ownerLabels };
  for (const [key, name] of Object.entries(ownerLabels)) {
    const path = `ownerLabels.${key}`;
    if (!isLabelName(name)) {
      problems.push({ path, message: `"${name}" ${NOT_A_LABEL_NAME}` });
    } else if (
      RESERVED_RULE_LABELS.includes(name) ||
      name in (options.labels ?? {})
    ) {
      problems.push({
        path,
        message: `"${name}" is already a label of the rules; choose another name`,
      });
    }
  }
  if (ownerLabels.owner === ownerLabels.sre) {
    problems.push({
      path: 'ownerLabels.sre',
      message: `"${ownerLabels.sre}" is also the owner label; choose another name`,
    });
  }
  return problems;
}
