export * from './sloAlertState';
export * from './detectSloTransitions';
export * from './describeSloTransition';
