import { Command, Option } from 'commander';
import { gate } from './commands/gate';
import { importSlos } from './commands/importSlos';
import { mark } from './commands/mark';
import { push } from './commands/push';
import { rules } from './commands/rules';
import { validate } from './commands/validate';
import { CliError } from './lib/exitCodes';
import { CliIo } from './lib/io';

/** Where a command's action leaves its exit code. */
type Done = (code: number) => void;

/** Adds every command of the CLI to the program. */
export function registerCommands(program: Command, io: CliIo, done: Done) {
  registerValidate(program, io, done);
  registerRules(program, io, done);
  registerImport(program, io, done);
  registerPush(program, io, done);
  registerMark(program, io, done);
  registerGate(program, io, done);
}

/** `key=value` options collected into an object. */
function keyValue(value: string, previous: Record<string, string> = {}) {
  const at = value.indexOf('=');
  if (at < 1) throw new CliError(`"${value}" is not key=value`);
  return { ...previous, [value.slice(0, at)]: value.slice(at + 1) };
}

const list = (value: string, previous: string[] = []) => [...previous, value];

function registerValidate(program: Command, io: CliIo, done: Done) {
  program
    .command('validate')
    .description(
      'Validate the OpenSLO documents in files and directories (every .yaml/.yml below them); other YAML documents are skipped',
    )
    .argument('<paths...>', 'files or directories')
    .option('--github', 'report problems as GitHub Actions annotations')
    .option('--allow-empty', 'succeed when no OpenSLO document is found')
    .action(async (paths: string[], options) => {
      done(await validate(io, paths, options));
    });
}

function registerRules(program: Command, io: CliIo, done: Done) {
  program
    .command('rules')
    .description(
      'Generate Prometheus recording rules and multi-window, multi-burn-rate alert rules for the SLOs in the files',
    )
    .argument('<paths...>', 'OpenSLO files or directories')
    .addOption(
      new Option('--format <format>', 'rule file or PrometheusRule resource')
        .choices(['plain', 'operator'])
        .default('plain'),
    )
    .option('-o, --out <file>', 'write the rules to a file instead of stdout')
    .option('--slo <name>', 'only this SLO (repeatable)', list)
    .option('--label <key=value>', 'label on every rule (repeatable)', keyValue)
    .option('--runbook-url <url>', 'runbook_url annotation of every alert')
    .option('--name <name>', 'operator: metadata.name of the PrometheusRule')
    .option('--namespace <namespace>', 'operator: metadata.namespace')
    .option(
      '--resource-label <key=value>',
      'operator: label of the PrometheusRule, e.g. release=prometheus (repeatable)',
      keyValue,
    )
    .option('--github', 'report problems as GitHub Actions annotations')
    .option(
      '--url <url>',
      "the Backstage backend to ask for each service's owner and SRE role holder, labelled on every alert",
    )
    .option('--token <token>', 'a Backstage token (or set TRIAD_SLO_TOKEN)')
    .option('--owner-label <name>', 'label of the owner (default owner)')
    .option(
      '--sre-label <name>',
      'label of the SRE role holder (default sre_owner)',
    )
    .option('--sre-role <role>', 'the ownership role of the SRE holder', 'sre')
    .option(
      '--min-events-per-hour <n>',
      "alerts need this many events an hour over their long window; an SLO's triad.dev/min-events-per-hour annotation overrides it",
    )
    .option(
      '--alertmanager-config <file>',
      "write an Alertmanager route tree sending each team's pages to a receiver named after it (needs --url)",
    )
    .addOption(
      new Option('--route-by <label>', 'route on the owner or the SRE holder')
        .choices(['owner', 'sre'])
        .default('owner'),
    )
    .option(
      '--default-receiver <name>',
      'receiver of alerts no team route takes',
      'slo-default',
    )
    .option(
      '--route-severity <severity>',
      "severities sent to the team's receiver (repeatable; default page)",
      list,
    )
    .action(async (paths: string[], options) => {
      done(await rules(io, paths, options));
    });
}

function registerImport(program: Command, io: CliIo, done: Done) {
  program
    .command('import')
    .description(
      'Convert Sloth prometheus/v1 specs and Pyrra ServiceLevelObjectives into OpenSLO v1, saying what could not be carried over',
    )
    .argument('<paths...>', 'Sloth or Pyrra YAML files or directories')
    .option(
      '-o, --out <file>',
      'write the OpenSLO documents to a file instead of stdout',
    )
    .option(
      '--service <name>',
      "the catalog component the SLOs measure (default: Sloth's service; a Pyrra SLO's own name)",
    )
    .option(
      '--data-source <name>',
      'metricSourceRef of the imported SLIs (default prometheus)',
    )
    .option(
      '--sloth-period <period>',
      'the SLO period Sloth runs with: 30d (its default) or 28d',
    )
    .action(async (paths: string[], options) => {
      done(await importSlos(io, paths, options));
    });
}

function registerPush(program: Command, io: CliIo, done: Done) {
  program
    .command('push')
    .description(
      "Push per-minute good/total samples (JSON or CSV with series,timestamp,good,total) to the SLO backend's built-in store",
    )
    .argument('<file>', 'samples as .json or .csv')
    .requiredOption(
      '--url <url>',
      'the Backstage backend, e.g. https://backstage.example.com',
    )
    .option('--token <token>', 'a Backstage token (or set TRIAD_SLO_TOKEN)')
    .option('--batch-size <n>', 'samples per request', '1000')
    .action(async (file: string, options) => {
      done(await push(io, file, options));
    });
}

function registerMark(program: Command, io: CliIo, done: Done) {
  program
    .command('mark')
    .description(
      'Record a deploy, incident or maintenance of an entity, marked on its SLO charts with the budget spent in the hour after a deploy against the hour before',
    )
    .argument('<entityRef>', 'e.g. component:default/checkout-service')
    .requiredOption(
      '--url <url>',
      'the Backstage backend, e.g. https://backstage.example.com',
    )
    .option('--token <token>', 'a Backstage token (or set TRIAD_SLO_TOKEN)')
    .requiredOption(
      '--id <id>',
      'names the event: the same id again replaces it (e.g. the pipeline run id)',
    )
    .requiredOption('--title <title>', 'what happened, e.g. "Deploy 1.4.2"')
    .addOption(
      new Option('--type <type>', 'the kind of event')
        .choices(['deploy', 'incident', 'maintenance'])
        .default('deploy'),
    )
    .option('--time <time>', 'when it happened, ISO 8601 (default: now)')
    .option('--end <time>', 'when an incident or maintenance ended, ISO 8601')
    .option('--link <url>', 'the pipeline run, change or incident')
    // Not --version: that prints the CLI's own version.
    .option('--release-version <version>', 'the version deployed')
    .action(async (entityRef: string, options) => {
      done(await mark(io, entityRef, options));
    });
}

function registerGate(program: Command, io: CliIo, done: Done) {
  program
    .command('gate')
    .description(
      "Ask the SLO backend's error-budget policy whether the entity may release: exit 0 allowed, 1 blocked (with the reasons), 2 could not decide",
    )
    .argument('<entityRef>', 'e.g. component:default/checkout-service')
    .requiredOption(
      '--url <url>',
      'the Backstage backend, e.g. https://backstage.example.com',
    )
    .option('--token <token>', 'a Backstage token (or set TRIAD_SLO_TOKEN)')
    .addOption(
      new Option(
        '--on-error <choice>',
        'when the backend is unreachable, fails (5xx) or does not answer in time: allow (exit 0) or block (exit 1); by default exit 2',
      ).choices(['allow', 'block']),
    )
    .option('--timeout <duration>', 'how long to wait for the backend', '30s')
    .option('--github', 'report blocking reasons as GitHub Actions annotations')
    .action(async (entityRef: string, options) => {
      done(await gate(io, entityRef, options));
    });
}
