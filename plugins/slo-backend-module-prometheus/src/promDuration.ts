// The one PromQL duration format lives with the rest of the SLI PromQL.
export { promDuration } from '@triad/plugin-slo-common';
