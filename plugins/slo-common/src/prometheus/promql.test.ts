import {
  fillWindowPlaceholder,
  hasWindowPlaceholder,
  isSeriesSelector,
  promDuration,
  sampleStepMs,
} from './promql';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('promDuration', () => {
  it('uses the largest exact unit, else milliseconds', () => {
    expect(promDuration(30 * DAY)).toBe('30d');
    expect(promDuration(28 * DAY)).toBe('4w');
    expect(promDuration(90 * MIN)).toBe('90m');
    expect(promDuration(5 * MIN)).toBe('5m');
    expect(promDuration(1500)).toBe('1500ms');
    expect(promDuration(1_137_737_123)).toBe('1137737123ms');
    expect(() => promDuration(0)).toThrow(RangeError);
    expect(() => promDuration(1.5)).toThrow(RangeError);
  });
});

describe('query helpers', () => {
  it('recognises series selectors, whatever their label values hold', () => {
    expect(isSeriesSelector('http_requests_total')).toBe(true);
    expect(isSeriesSelector(' http_requests_total{job="api"} ')).toBe(true);
    expect(isSeriesSelector('{__name__="x", path=~"/(a|b)[0-9]+"}')).toBe(true);
    expect(isSeriesSelector(`x{le='0.3', msg="a \\" }"}`)).toBe(true);
    expect(isSeriesSelector('rate(x[5m])')).toBe(false);
    expect(isSeriesSelector('x / y')).toBe(false);
    expect(isSeriesSelector('x offset 5m')).toBe(false);
    expect(isSeriesSelector('')).toBe(false);
  });

  it('finds the window placeholder with or without spaces', () => {
    expect(hasWindowPlaceholder('rate(x[{{window}}])')).toBe(true);
    expect(hasWindowPlaceholder('rate(x[{{ window }}])')).toBe(true);
    expect(hasWindowPlaceholder('rate(x[5m])')).toBe(false);
  });

  it("takes Sloth's {{.window}} as well as {{window}}", () => {
    expect(hasWindowPlaceholder('rate(x[{{.window}}])')).toBe(true);
    expect(hasWindowPlaceholder('rate(x[{{ .window }}])')).toBe(true);
    expect(
      fillWindowPlaceholder(
        'sum(rate(x{code=~"5.."}[{{.window}}])) / sum(rate(x[{{window}}]))',
        5 * MIN,
      ),
    ).toBe('sum(rate(x{code=~"5.."}[5m])) / sum(rate(x[5m]))');
    expect(hasWindowPlaceholder('rate(x[{{..window}}])')).toBe(false);
  });

  it('samples gauges every minute, coarser for long windows', () => {
    expect(sampleStepMs(5 * MIN)).toBe(MIN);
    expect(sampleStepMs(DAY)).toBe(MIN);
    expect(sampleStepMs(30 * DAY)).toBe(30 * MIN);
    expect(sampleStepMs(1_137_737_123)).toBe(791_000);
  });
});
