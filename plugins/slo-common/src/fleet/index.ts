export * from './rollUpFleet';
