import { startPrometheus } from './startPrometheus';

describe('startPrometheus', () => {
  it('fails, rather than skipping, when Prometheus is not installed', async () => {
    await expect(
      startPrometheus('# EOF\n', { prometheus: '/nonexistent/prometheus' }),
    ).rejects.toThrow(
      "/nonexistent/prometheus is missing: the Prometheus integration tests need Debian's prometheus package",
    );
  });
});
