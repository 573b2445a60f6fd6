export * from './sloKindOf';
export * from './walkDependencies';
export * from './dependencyCeiling';
export * from './burnAttribution';
