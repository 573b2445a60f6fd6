/**
 * Helpers shared by Triad's tests, the reliability suite and the benchmarks.
 * A private workspace package: plugins take it as a dev dependency only.
 */
export { poll } from './poll';
export { fakeDateOnly } from './fakeDateOnly';
export { HIDDEN_LABEL, hideLabelledEntities } from './hideLabelledEntities';
export { runAction, exampleInput } from './runAction';
export { snapshotDir } from './snapshotDir';
export { PROMTOOL, runPromtool } from './runPromtool';
export { AMTOOL, runAmtool } from './runAmtool';
export { schedulerProbe } from './schedulerProbe';
