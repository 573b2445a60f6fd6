import { TemplateAction } from '@backstage/plugin-scaffolder-node';
import { DEFAULT_OWNERSHIP_ROLES } from '@triad/plugin-ownership-common';
import {
  createSetResponsibilitiesAction,
  createTeamAction,
} from '@triad/plugin-scaffolder-backend-module-ownership';
import {
  createOpenSloCreateAction,
  createOpenSloValidateAction,
  createPrometheusRulesAction,
} from '@triad/plugin-scaffolder-backend-module-slo';

export interface ActionCase {
  name: string;
  action: TemplateAction<any, any, any>;
  /** The input with the hostile value in the field under test. */
  input: (value: string) => Record<string, unknown>;
  field: string;
  /** For YAML bombs: which workspace file gets the bomb. */
  bombFile: string;
}

const roles = DEFAULT_OWNERSHIP_ROLES;
/** Each scaffolder action of Triad, once per field that takes a path. */
export const CASES: ActionCase[] = [
  {
    name: 'slo:openslo:create path',
    action: createOpenSloCreateAction(),
    input: p => ({
      service: 'checkout-service',
      target: 0.999,
      path: p,
      catalogFile: false,
    }),
    field: 'path',
    bombFile: 'slos-new.yaml',
  },
  {
    name: 'slo:openslo:create catalogFile',
    action: createOpenSloCreateAction(),
    input: p => ({
      service: 'checkout-service',
      target: 0.999,
      catalogFile: p,
    }),
    field: 'catalogFile',
    bombFile: 'catalog-info.yaml',
  },
  {
    name: 'slo:openslo:create path + Location in catalogFile',
    action: createOpenSloCreateAction(),
    input: p => ({
      service: 'checkout-service',
      target: 0.999,
      path: 'new-slos.yaml',
      catalogFile: p,
    }),
    field: 'catalogFile',
    bombFile: 'catalog-info.yaml',
  },
  {
    name: 'slo:openslo:validate files',
    action: createOpenSloValidateAction(),
    input: p => ({ files: [p], allowEmpty: true }),
    field: 'files[0]',
    bombFile: 'slos.yaml',
  },
  {
    name: 'slo:prometheus:rules files',
    action: createPrometheusRulesAction(),
    input: p => ({ files: [p], path: 'rules.yaml' }),
    field: 'files[0]',
    bombFile: 'slos.yaml',
  },
  {
    name: 'slo:prometheus:rules path',
    action: createPrometheusRulesAction(),
    input: p => ({ files: ['slos.yaml'], path: p }),
    field: 'path',
    bombFile: 'rules.yaml',
  },
  {
    name: 'ownership:responsibilities:set path',
    action: createSetResponsibilitiesAction({ roles }),
    input: p => ({
      path: p,
      responsibilities: [{ role: 'sre', ref: 'group:sre-core' }],
    }),
    field: 'path',
    bombFile: 'catalog-info.yaml',
  },
  {
    name: 'ownership:team:create path',
    action: createTeamAction({ roles }),
    input: p => ({ name: 'new-team', topology: { type: 'platform' }, path: p }),
    field: 'path',
    bombFile: 'teams.yaml',
  },
];
