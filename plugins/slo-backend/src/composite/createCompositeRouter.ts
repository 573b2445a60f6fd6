import { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { checkParams } from '../service/requestParams';
import { CompositeService } from './CompositeService';

export interface CompositeRouterOptions {
  httpAuth: HttpAuthService;
  composites: Pick<CompositeService, 'evaluate'>;
}

/** `GET /v1/slos/:namespace/:name/composite`: a composite SLO with its parts. */
export function createCompositeRouter(
  options: CompositeRouterOptions,
): express.Router {
  const { httpAuth, composites } = options;
  const router = Router();
  router.get('/v1/slos/:namespace/:name/composite', async (req, res) => {
    checkParams(req.params);
    const credentials = await httpAuth.credentials(req);
    res.json(
      await composites.evaluate(
        req.params.namespace,
        req.params.name,
        credentials,
      ),
    );
  });
  return router;
}
