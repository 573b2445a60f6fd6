export * from './rollUpFleet';
export * from './sloRemaining';
