import { Resources } from '../suite/context';
import { ScenarioReport } from './report';

export const MINUTE = 60_000;

/** A scenario run with resources of its own, released when it ends however it ends. */
export function withResources(
  run: (report: ScenarioReport, resources: Resources) => Promise<void>,
) {
  return (report: ScenarioReport) =>
    Resources.using(resources => run(report, resources));
}
