import {
  AuthService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  makeValidator,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { SloStatus } from '@triad/plugin-slo-common';
import { notReadyHandler } from '@triad/backend-utils';
import express from 'express';
import Router from 'express-promise-router';
import { BuiltinStore } from '../builtin/BuiltinStore';
import { SloService } from './SloService';
import { createIngestRouter } from '../builtin/createIngestRouter';
import { IngestLimits } from '../builtin/validateSamples';

const STATUSES: SloStatus[] = ['healthy', 'warning', 'breached', 'no-data'];
const validators = makeValidator();

export interface RouterOptions {
  httpAuth: HttpAuthService;
  auth: AuthService;
  permissions: PermissionsService;
  slos: SloService;
  store: BuiltinStore;
  ingestLimits: () => IngestLimits;
  maxBodyBytes: number;
}

/** Refuses path parameters that cannot name an entity, naming the parameter. */
function checkParams(params: {
  kind?: string;
  namespace: string;
  name: string;
}) {
  if (params.kind !== undefined && !validators.isValidKind(params.kind)) {
    throw new InputError(`kind: "${params.kind}" is not a valid entity kind`);
  }
  if (!validators.isValidNamespace(params.namespace)) {
    throw new InputError(
      `namespace: "${params.namespace}" is not a valid namespace`,
    );
  }
  if (!validators.isValidEntityName(params.name)) {
    throw new InputError(`name: "${params.name}" is not a valid entity name`);
  }
}

function entityRefOf(params: {
  kind: string;
  namespace: string;
  name: string;
}) {
  checkParams(params);
  return stringifyEntityRef({
    kind: params.kind,
    namespace: params.namespace,
    name: params.name,
  });
}

function optionalRef(
  value: unknown,
  field: string,
  defaultKind: string,
): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !value)
    throw new InputError(`${field}: must be an entity reference`);
  try {
    return stringifyEntityRef(
      parseEntityRef(value, { defaultKind, defaultNamespace: 'default' }),
    );
  } catch {
    throw new InputError(
      `${field}: "${value}" is not an entity reference such as ${defaultKind}:default/name`,
    );
  }
}

function optionalInt(
  value: unknown,
  field: string,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value) || n < min || n > max) {
    throw new InputError(
      `${field}: must be a whole number from ${min} to ${max}`,
    );
  }
  return n;
}

function optionalTime(value: unknown, field: string): Date | undefined {
  if (value === undefined) return undefined;
  const ms = typeof value === 'string' ? Date.parse(value) : NaN;
  if (!Number.isFinite(ms))
    throw new InputError(`${field}: must be an ISO 8601 time`);
  return new Date(ms);
}

/** HTTP only: parses and checks input, then calls the service. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, slos } = options;
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
    const { status } = req.query;
    if (status !== undefined && !STATUSES.includes(status as SloStatus)) {
      throw new InputError(`status: must be one of ${STATUSES.join(', ')}`);
    }
    res.json(
      await slos.list(
        {
          owner: optionalRef(req.query.owner, 'owner', 'group'),
          system: optionalRef(req.query.system, 'system', 'system'),
          status: status as SloStatus | undefined,
          offset: optionalInt(req.query.offset, 'offset', 0, 1_000_000),
          limit: optionalInt(req.query.limit, 'limit', 1, 1000),
        },
        credentials,
      ),
    );
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
    const to = optionalTime(req.query.to, 'to') ?? new Date();
    const from =
      optionalTime(req.query.from, 'from') ??
      new Date(to.getTime() - 7 * 86_400_000);
    // Also refuses a default `from` before the earliest representable time.
    if (!(from.getTime() < to.getTime())) {
      throw new InputError('from: must be before to');
    }
    res.json(
      await slos.history(
        req.params.namespace,
        req.params.name,
        { from, to },
        credentials,
      ),
    );
  });

  router.use(
    createIngestRouter({
      httpAuth,
      auth: options.auth,
      permissions: options.permissions,
      store: options.store,
      ingestLimits: options.ingestLimits,
    }),
  );

  // A 503 while the fleet warms up says when to come back, and is not
  // logged as an error.
  router.use(notReadyHandler);

  return router;
}
