/**
 * triad-slo: validate OpenSLO files, generate Prometheus rules and push SLI
 * samples to Triad's built-in store, from CI pipelines.
 *
 * @packageDocumentation
 */
import { main } from './program';

main(process.argv).then(code => {
  process.exitCode = code;
});
