import { formatBurnRate, formatCount, formatPercent } from './formatPercent';

describe('formatPercent, formatBurnRate, formatCount', () => {
  it('writes percentages, burn rates and counts', () => {
    expect(formatPercent(0.9995)).toBe('99.95 %');
    expect(formatPercent(undefined)).toBe('–');
    expect(formatBurnRate(14.4)).toBe('14.4×');
    expect(formatBurnRate(0.5)).toBe('0.50×');
    expect(formatCount(4464)).toBe('4,464');
    expect(formatCount(43.2, 1)).toBe('43.2');
    expect(formatCount(1200.4)).toBe('1,200');
  });
});
