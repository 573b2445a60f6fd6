import { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { entityRefOf } from '../service/requestParams';
import { SloService } from '../service/SloService';
import { sloFacts } from './sloFacts';

/**
 * `GET /v1/entities/:kind/:namespace/:name/facts`: the entity's SLO facts
 * for scorecards (no Tech Insights release fits Backstage 1.55; see the
 * README).
 */
export function createFactsRouter(options: {
  httpAuth: HttpAuthService;
  slos: SloService;
}): express.Router {
  const { httpAuth, slos } = options;
  const router = Router();
  router.get('/v1/entities/:kind/:namespace/:name/facts', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const { entityRef, items } = await slos.entitySlos(
      entityRefOf(req.params),
      credentials,
    );
    // The oldest evaluation the facts rest on.
    const [evaluatedAt] = items.map(i => i.evaluatedAt).sort();
    res.json({
      entityRef,
      ...(evaluatedAt && { evaluatedAt }),
      facts: sloFacts(items),
    });
  });
  return router;
}
