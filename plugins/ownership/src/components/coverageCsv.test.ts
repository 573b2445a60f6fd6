import { coverage, emptyCoverage } from '../__fixtures__/ownership';
import { coverageCsvFileName, coverageToCsv, csvField } from './coverageCsv';

describe('coverageToCsv', () => {
  it('has one row per gap and one per role without gaps', () => {
    expect(coverageToCsv(coverage).split('\r\n')).toEqual([
      'role,role_title,covered,total,share,gap,entity,entity_title,holder,provenance',
      'devops,DevOps,9,9,1.0000,,,,,',
      'sre,SRE,6,9,0.6667,uncovered,component:default/product-catalog,"Product catalogue, ""main""",,',
      'sre,SRE,6,9,0.6667,uncovered,component:default/storefront-web,,,',
      'sre,SRE,6,9,0.6667,orphaned,component:default/cart-service,,group:default/checkout-oncall,set explicitly on this entity',
      'platform,Platform,0,0,,,,,,',
      '',
    ]);
  });

  it('still lists every role when nothing is in production', () => {
    expect(coverageToCsv(emptyCoverage)).toBe(
      'role,role_title,covered,total,share,gap,entity,entity_title,holder,provenance\r\ndevops,DevOps,0,0,,,,,,\r\n',
    );
  });

  it('names the file after the day of the index', () => {
    expect(coverageCsvFileName(coverage)).toBe(
      'ownership-coverage-2026-11-28.csv',
    );
    expect(coverageCsvFileName({ ...coverage, indexedAt: '' })).toBe(
      'ownership-coverage.csv',
    );
  });
});

describe('csvField', () => {
  it('quotes commas, quotes and line breaks', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(undefined)).toBe('');
    expect(csvField(3)).toBe('3');
  });

  it('defuses what a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
  });
});
