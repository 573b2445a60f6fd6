import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { SloApi, sloApiRef } from './api/SloApi';
import { healthy } from './__fixtures__/slos';
import {
  EntitySloCard,
  EntitySloContent,
  isSloAvailable,
  sloPlugin,
  SloPage,
} from './index';
import alphaPlugin from './alpha';
import { Route, Routes } from 'react-router-dom';

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout-service' },
  relations: [
    { type: 'measuredBy', targetRef: 'slo:default/checkout-availability' },
  ],
};

const apis: Partial<SloApi> = {
  getEntitySlos: async () => ({
    entityRef: 'component:default/checkout-service',
    items: [healthy],
  }),
  listSlos: async () => ({
    items: [healthy],
    totalItems: 1,
    counts: { healthy: 1, warning: 0, breached: 0, 'no-data': 0 },
    offset: 0,
    limit: 1000,
  }),
  getRollUps: async by => ({ by, rows: [] }),
  getPolicy: async () => ({
    entityRef: 'x',
    releaseAllowed: true,
    summary: 'Release allowed.',
    reasons: [],
    evaluatedAt: '',
  }),
  getBurnAttribution: async () => ({
    slo: { ref: 'slo:default/x', target: 0.999 },
    entityRef: 'x',
    from: '',
    to: '',
    stepMs: 60_000,
    burned: 0,
    dependencies: [],
    hiddenDependencies: 0,
  }),
  getDependencyCeiling: async () => ({
    entityRef: 'x',
    kind: 'availability',
    slos: [],
    dependencies: [],
    hiddenDependencies: 0,
    evaluatedAt: '',
  }),
  getSloTimeline: async () => ({
    ref: healthy.ref,
    stepMs: 1,
    period: healthy.period,
    objectives: [],
  }),
  getSloHistory: async () => ({
    ref: healthy.ref,
    from: '',
    to: '',
    points: [],
  }),
  listEvents: async ({ entityRef }) => ({
    entityRef,
    from: '',
    to: '',
    items: [],
  }),
};

describe('legacy exports', () => {
  it('has an id and renders the card, the tab and the page', async () => {
    expect(sloPlugin.getId()).toBe('slo');
    for (const Component of [EntitySloCard, EntitySloContent]) {
      await renderInTestApp(
        <TestApiProvider apis={[[sloApiRef, apis]]}>
          <EntityProvider entity={entity}>
            <Component />
          </EntityProvider>
        </TestApiProvider>,
      );
      expect(
        (await screen.findAllByText('checkout-availability')).length,
      ).toBeGreaterThan(0);
    }
    await renderInTestApp(
      <TestApiProvider apis={[[sloApiRef, apis]]}>
        <Routes>
          <Route path="/*" element={<SloPage />} />
        </Routes>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    expect(await screen.findByText('SLOs (1)')).toBeInTheDocument();
  });

  it('shows the tab only where SLOs measure the entity', () => {
    expect(isSloAvailable(entity)).toBe(true);
    expect(
      isSloAvailable({
        ...entity,
        relations: [{ type: 'ownedBy', targetRef: 'group:default/x' }],
      }),
    ).toBe(false);
  });
});

describe('new frontend system plugin', () => {
  it('provides the API, page, cards and tab', () => {
    expect(alphaPlugin.id).toBe('slo');
  });
});
