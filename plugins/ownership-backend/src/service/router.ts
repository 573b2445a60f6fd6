import { HttpAuthService } from '@backstage/backend-plugin-api';
import { makeValidator, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { notReadyHandler } from '@triad/backend-utils';
import { RESPONSIBILITY_KINDS } from '@triad/plugin-ownership-common';
import express from 'express';
import Router from 'express-promise-router';
import { ownershipFacts } from '../facts/ownershipFacts';
import { OwnershipService } from './OwnershipService';

const validators = makeValidator();
const entityKinds: string[] = RESPONSIBILITY_KINDS.map(k =>
  k.toLocaleLowerCase('en-US'),
);
const MAX_QUERY_LENGTH = 200;

/** The HTTP API of the ownership plugin, described in ../schema/openapi.yaml. */
export async function createRouter(options: {
  httpAuth: HttpAuthService;
  service: OwnershipService;
}): Promise<express.Router> {
  const { httpAuth, service } = options;
  const router = Router();

  router.get('/v1/entities/:kind/:namespace/:name', async (req, res) => {
    const ref = entityRefFromParams(req.params);
    const credentials = await httpAuth.credentials(req);
    res.json(await service.entityOwnership(ref, credentials));
  });

  // The same answer as flat facts, for scorecards.
  router.get('/v1/entities/:kind/:namespace/:name/facts', async (req, res) => {
    const ref = entityRefFromParams(req.params);
    const credentials = await httpAuth.credentials(req);
    const answer = await service.entityOwnership(ref, credentials);
    res.json({
      entityRef: answer.entity.ref,
      indexedAt: answer.indexedAt,
      facts: ownershipFacts(answer),
    });
  });

  router.get(
    '/v1/groups/:namespace/:name/responsibilities',
    async (req, res) => {
      const ref = refFromParams('group', req.params.namespace, req.params.name);
      const includeSubTeams = booleanParam(req.query, 'includeSubTeams', true);
      const credentials = await httpAuth.credentials(req);
      res.json(
        await service.groupResponsibilities(ref, includeSubTeams, credentials),
      );
    },
  );

  router.get('/v1/lookup', async (req, res) => {
    const q = req.query.q;
    if (Array.isArray(q) || (q !== undefined && typeof q !== 'string')) {
      throw new InputError('q: give the query once, as text');
    }
    if (!q?.trim()) {
      throw new InputError('q: is required, e.g. /v1/lookup?q=checkout');
    }
    if (q.length > MAX_QUERY_LENGTH) {
      throw new InputError(
        `q: must be at most ${MAX_QUERY_LENGTH} characters, got ${q.length}`,
      );
    }
    const credentials = await httpAuth.credentials(req);
    res.json(await service.lookup(q, credentials));
  });

  router.get('/v1/coverage', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json(await service.coverage(credentials));
  });

  router.get('/v1/topology', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json(await service.topology(credentials));
  });

  // 503s while the index warms up say when to come back, and are not
  // logged as errors.
  router.use(notReadyHandler);

  return router;
}

/** An entity of a kind with ownership roles, from the path. */
function entityRefFromParams(params: {
  kind: string;
  namespace: string;
  name: string;
}): string {
  const kind = params.kind.toLocaleLowerCase('en-US');
  if (!entityKinds.includes(kind)) {
    throw new InputError(
      `kind: "${
        params.kind
      }" has no ownership roles; use one of ${entityKinds.join(
        ', ',
      )} (for a group, /v1/groups/:namespace/:name/responsibilities)`,
    );
  }
  return refFromParams(kind, params.namespace, params.name);
}

function refFromParams(kind: string, namespace: string, name: string): string {
  if (!validators.isValidNamespace(namespace)) {
    throw new InputError(`namespace: "${namespace}" is not a valid namespace`);
  }
  if (!validators.isValidEntityName(name)) {
    throw new InputError(`name: "${name}" is not a valid entity name`);
  }
  return stringifyEntityRef({ kind, namespace, name });
}

function booleanParam(
  query: express.Request['query'],
  key: string,
  fallback: boolean,
): boolean {
  const value = query[key];
  if (value === undefined) return fallback;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new InputError(
    `${key}: must be true or false, got ${JSON.stringify(value)}`,
  );
}
