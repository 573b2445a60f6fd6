export * from './types';
export * from './parseReleaseGatePolicyAnnotation';
export * from './resolveReleaseGatePolicy';
export * from './describeReleaseGatePolicy';
