/*
 * Inner parts of the SLO backend, for the benchmarks (bench/) that measure
 * them on their own. Not a stable API: they change with the backend.
 */
export { BuiltinStore } from '../builtin/BuiltinStore';
export type { Sample } from '../builtin/BuiltinStore';
export { builtinDataSource } from '../builtin/builtinDataSource';
