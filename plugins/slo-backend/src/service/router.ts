import { notReadyHandler } from '@triad/backend-utils';
import express from 'express';
import Router from 'express-promise-router';
import {
  CompositeRouterOptions,
  createCompositeRouter,
} from '../composite/createCompositeRouter';
import {
  BurnAttributionRouterOptions,
  createBurnAttributionRouter,
} from '../dependencies/createBurnAttributionRouter';
import {
  createDependencyCeilingRouter,
  DependencyCeilingRouterOptions,
} from '../dependencies/createDependencyCeilingRouter';
import { createFactsRouter } from '../facts/createFactsRouter';
import {
  createIngestRouter,
  IngestRouterOptions,
} from '../builtin/createIngestRouter';
import {
  createEventsRouter,
  EventsRouterOptions,
} from '../events/createEventsRouter';
import {
  checkParams,
  entityRefOf,
  historyRangeOf,
  listQueryOf,
  rollUpsQueryOf,
} from './requestParams';
import { FleetList } from './FleetList';
import { SloService } from './SloService';

export interface RouterOptions
  extends IngestRouterOptions,
    EventsRouterOptions,
    CompositeRouterOptions,
    DependencyCeilingRouterOptions,
    BurnAttributionRouterOptions {
  slos: SloService;
  fleetList: Pick<FleetList, 'list' | 'rollUps'>;
  maxBodyBytes: number;
}

/** HTTP only: parses and checks input, then calls the service. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, slos, fleetList } = options;
  const router = Router();
  router.use(express.json({ limit: options.maxBodyBytes }));

  router.get('/v1/entities/:kind/:namespace/:name/slos', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json(await slos.entitySlos(entityRefOf(req.params), credentials));
  });

  router.get('/v1/entities/:kind/:namespace/:name/policy', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json(await slos.policy(entityRefOf(req.params), credentials));
  });

  router.get('/v1/slos', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json(await fleetList.list(listQueryOf(req.query), credentials));
  });

  router.get('/v1/slos/rollups', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const { by, filter } = rollUpsQueryOf(req.query);
    res.json(await fleetList.rollUps(by, filter, credentials));
  });

  router.get('/v1/slos/:namespace/:name', async (req, res) => {
    checkParams(req.params);
    const credentials = await httpAuth.credentials(req);
    res.json(
      await slos.getSlo(req.params.namespace, req.params.name, credentials),
    );
  });

  router.get('/v1/slos/:namespace/:name/timeline', async (req, res) => {
    checkParams(req.params);
    const credentials = await httpAuth.credentials(req);
    res.json(
      await slos.timeline(req.params.namespace, req.params.name, credentials),
    );
  });

  router.get('/v1/slos/:namespace/:name/history', async (req, res) => {
    checkParams(req.params);
    const credentials = await httpAuth.credentials(req);
    const range = historyRangeOf(req.query);
    res.json(
      await slos.history(
        req.params.namespace,
        req.params.name,
        range,
        credentials,
      ),
    );
  });

  router.use(createCompositeRouter(options));
  router.use(createDependencyCeilingRouter(options));
  router.use(createBurnAttributionRouter(options));
  router.use(createIngestRouter(options));
  router.use(createFactsRouter(options));
  router.use(createEventsRouter(options));

  // A 503 while the fleet warms up says when to come back, and is not
  // logged as an error.
  router.use(notReadyHandler);

  return router;
}
