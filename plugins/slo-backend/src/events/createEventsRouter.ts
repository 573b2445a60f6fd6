import { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { historyRangeOf } from '../service/requestParams';
import { EventService } from './EventService';
import { parseEventEntityRef } from './parseEventEntityRef';

export interface EventsRouterOptions {
  httpAuth: HttpAuthService;
  events: EventService;
}

/**
 * `POST /v1/events` records a deploy, incident or maintenance event;
 * `GET /v1/events` lists an entity's events for chart markers. Expects a
 * parsed JSON body.
 */
export function createEventsRouter(
  options: EventsRouterOptions,
): express.Router {
  const { httpAuth, events } = options;
  const router = Router();

  router.post('/v1/events', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { event, created } = await events.record(req.body, credentials);
    res.status(created ? 201 : 200).json(event);
  });

  router.get('/v1/events', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const entityRef = parseEventEntityRef(req.query.entityRef);
    res.json(
      await events.list(entityRef, historyRangeOf(req.query), credentials),
    );
  });

  return router;
}
