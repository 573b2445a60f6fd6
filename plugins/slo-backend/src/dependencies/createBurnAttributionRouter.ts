import { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { checkParams } from '../service/requestParams';
import { BurnAttributionService } from './BurnAttributionService';
import { BurnDependentsService } from './BurnDependentsService';
import { sloKindParam } from './createDependencyCeilingRouter';

export interface BurnAttributionRouterOptions {
  httpAuth: HttpAuthService;
  attributions: Pick<BurnAttributionService, 'attribution'>;
  burnDependents: Pick<BurnDependentsService, 'dependents'>;
}

/**
 * `GET /v1/slos/:namespace/:name/burn-attribution` and its reverse,
 * `GET /v1/groups/:namespace/:name/burn-dependents`.
 */
export function createBurnAttributionRouter(
  options: BurnAttributionRouterOptions,
): express.Router {
  const { httpAuth, attributions, burnDependents } = options;
  const router = Router();
  router.get('/v1/slos/:namespace/:name/burn-attribution', async (req, res) => {
    checkParams(req.params);
    const { namespace, name } = req.params;
    const credentials = await httpAuth.credentials(req);
    res.json(
      await attributions.attribution(`slo:${namespace}/${name}`, credentials),
    );
  });
  router.get(
    '/v1/groups/:namespace/:name/burn-dependents',
    async (req, res) => {
      checkParams(req.params);
      const { namespace, name } = req.params;
      const kind = sloKindParam(req.query);
      const credentials = await httpAuth.credentials(req);
      res.json(
        await burnDependents.dependents(
          `group:${namespace}/${name}`,
          kind,
          credentials,
        ),
      );
    },
  );
  return router;
}
