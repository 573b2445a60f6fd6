import {
  AuthService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { sloSamplesCreatePermission } from '@triad/plugin-slo-common';
import express from 'express';
import Router from 'express-promise-router';
import { BuiltinStore } from './BuiltinStore';
import { IngestLimits, validateSamples } from './validateSamples';

export interface IngestRouterOptions {
  httpAuth: HttpAuthService;
  auth: AuthService;
  permissions: PermissionsService;
  store: Pick<BuiltinStore, 'ingest'>;
  ingestLimits: () => IngestLimits;
}

/**
 * `POST /v1/samples`, the built-in store's ingest. Expects a parsed JSON
 * body; the whole batch is stored or none of it.
 */
export function createIngestRouter(
  options: IngestRouterOptions,
): express.Router {
  const { httpAuth, auth, permissions, store } = options;
  const router = Router();
  router.post('/v1/samples', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    // Pipelines and other backends push with service tokens; people need the permission.
    if (!auth.isPrincipal(credentials, 'service')) {
      const [decision] = await permissions.authorize(
        [{ permission: sloSamplesCreatePermission }],
        {
          credentials,
        },
      );
      if (decision.result !== AuthorizeResult.ALLOW) {
        throw new NotAllowedError(
          `pushing samples needs the permission ${sloSamplesCreatePermission.name}`,
        );
      }
    }
    const samples = validateSamples(req.body, options.ingestLimits());
    await store.ingest(samples);
    res.status(202).json({ accepted: samples.length });
  });
  return router;
}
