import { HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { AVAILABILITY_SLO_KIND } from '@triad/plugin-slo-common';
import express from 'express';
import Router from 'express-promise-router';
import { entityRefOf } from '../service/requestParams';
import { DependencyCeilingService } from './DependencyCeilingService';

export interface DependencyCeilingRouterOptions {
  httpAuth: HttpAuthService;
  ceilings: Pick<DependencyCeilingService, 'ceiling'>;
}

/** The SLO kind asked for: `availability` unless `?sloKind=` names another. */
export function sloKindParam(query: express.Request['query']): string {
  const { sloKind: kind = AVAILABILITY_SLO_KIND } = query;
  if (typeof kind !== 'string' || !/^[a-z0-9][a-z0-9-]{0,62}$/.test(kind)) {
    throw new InputError(
      'sloKind: must be an SLO kind such as availability (lower-case letters, digits and dashes)',
    );
  }
  return kind;
}

/** `GET /v1/entities/:kind/:namespace/:name/dependency-ceiling`. */
export function createDependencyCeilingRouter(
  options: DependencyCeilingRouterOptions,
): express.Router {
  const { httpAuth, ceilings } = options;
  const router = Router();
  router.get(
    '/v1/entities/:kind/:namespace/:name/dependency-ceiling',
    async (req, res) => {
      const entityRef = entityRefOf(req.params);
      const kind = sloKindParam(req.query);
      const credentials = await httpAuth.credentials(req);
      res.json(await ceilings.ceiling(entityRef, kind, credentials));
    },
  );
  return router;
}
