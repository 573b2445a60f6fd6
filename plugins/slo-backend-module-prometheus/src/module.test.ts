import { startTestBackend } from '@backstage/backend-test-utils';
import {
  SloDataSource,
  sloDataSourcesExtensionPoint,
} from '@triad/plugin-slo-node';
import sloModulePrometheus, { PrometheusDataSource } from './index';

describe('sloModulePrometheus', () => {
  it('adds the prometheus data source to the SLO backend', async () => {
    const added: SloDataSource[] = [];
    const backend = await startTestBackend({
      extensionPoints: [
        [sloDataSourcesExtensionPoint, { addDataSource: s => added.push(s) }],
      ],
      features: [sloModulePrometheus],
    });
    try {
      expect(added).toHaveLength(1);
      expect(added[0]).toBeInstanceOf(PrometheusDataSource);
      expect(added[0].type).toBe('prometheus');
    } finally {
      await backend.stop();
    }
  });
});
