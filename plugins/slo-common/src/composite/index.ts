export * from './compositeParts';
export * from './compositeGraphProblems';
export * from './evaluateComposite';
