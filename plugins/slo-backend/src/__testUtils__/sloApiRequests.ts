import { mockCredentials, TestBackend } from '@backstage/backend-test-utils';
import { SloSample } from '@triad/plugin-slo-common';
import request from 'supertest';
import { openApiContract } from './openApiContract';

/**
 * Requests to the SLO API of a test backend (`server` is read when a request
 * is sent, so a backend started in `beforeAll` will do): GETs, as a user
 * unless another caller is given, each answer held to the OpenAPI document;
 * and built-in samples pushed as a service, which must be accepted.
 */
export function sloApiRequests(server: () => TestBackend['server']) {
  const expectToMatchContract = openApiContract();
  return {
    async get(path: string, authorization = mockCredentials.user.header()) {
      const res = await request(server())
        .get(`/api/slo${path}`)
        .set('Authorization', authorization);
      expectToMatchContract('GET', path, res.status, res.body);
      return res;
    },
    async push(...samples: SloSample[]) {
      const res = await request(server())
        .post('/api/slo/v1/samples')
        .set('Authorization', mockCredentials.service.header())
        .send({ samples });
      expect(res.status).toBe(202);
    },
  };
}
