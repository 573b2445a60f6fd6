import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  DEFAULT_OWNER_LABELS,
  PrometheusRuleFormat,
  SloDocument,
  alertmanagerRouteTree,
  generatePrometheusRules,
  prometheusRuleFileContent,
  readOpenSloFiles,
  sloServiceRef,
} from '@triad/plugin-slo-common';
import { mkdir, writeFile } from 'fs/promises';
import { basename, dirname, extname } from 'path';
import { parseAllDocuments, stringify } from 'yaml';
import { CliError, EXIT_OK, EXIT_PROBLEMS } from '../lib/exitCodes';
import { CliIo } from '../lib/io';
import { lookupOwners } from '../lib/lookupOwners';
import { readInputFiles } from '../lib/readInputFiles';
import { reportProblems } from '../lib/reportProblems';
import { backendBaseUrl } from '../lib/sloBaseUrl';
import { requireToken } from '../lib/requireToken';

/** Options of `triad-slo rules`. */
export interface RulesOptions {
  format: string;
  out?: string;
  slo?: string[];
  label?: Record<string, string>;
  runbookUrl?: string;
  name?: string;
  namespace?: string;
  resourceLabel?: Record<string, string>;
  github?: boolean;
  url?: string;
  token?: string;
  ownerLabel?: string;
  sreLabel?: string;
  sreRole: string;
  minEventsPerHour?: string;
  alertmanagerConfig?: string;
  routeBy: string;
  defaultReceiver: string;
  routeSeverity?: string[];
}

/** Writes a generated file, creating its directory. */
async function writeOutput(file: string, text: string) {
  try {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, text, 'utf8');
  } catch (e) {
    throw new CliError(`cannot write ${file}: ${(e as Error).message}`);
  }
}

/**
 * `triad-slo rules <paths…>`: Prometheus recording and burn-rate alert rules
 * for the SLOs in the files, from the generator the scaffolder action uses.
 */
export async function rules(
  io: CliIo,
  paths: string[],
  options: RulesOptions,
): Promise<number> {
  const minEventsPerHour = checkOptions(options);
  const files = await readInputFiles(paths);
  const read = readOpenSloFiles(files, parseAllDocuments);
  const slos = options.slo?.length ? options.slo : undefined;
  const owners = options.url
    ? await lookupRuleOwners(io, read.documents, slos, options)
    : undefined;
  const ownerLabels = {
    ...DEFAULT_OWNER_LABELS,
    ...(options.ownerLabel && { owner: options.ownerLabel }),
    ...(options.sreLabel && { sre: options.sreLabel }),
  };
  const generated = generatePrometheusRules(read.documents, {
    slos,
    labels: options.label,
    runbookUrl: options.runbookUrl,
    owners,
    ownerLabels,
    minEventsPerHour,
  });
  for (const s of generated.skipped) {
    io.err(
      `skipped SLO ${s.name}${s.file ? ` (${s.file})` : ''}: ${s.reason}\n`,
    );
  }
  const problems = [...read.problems, ...generated.problems];
  if (problems.length) {
    reportProblems(io, problems, !!options.github);
    io.err(
      `no rules written: ${problems.length} problem${
        problems.length === 1 ? '' : 's'
      }\n`,
    );
    return EXIT_PROBLEMS;
  }
  if (!generated.groups.length) {
    io.err(
      `no SLO ${generated.skipped.length ? 'with an SLI ' : ''}in ${files
        .map(f => f.path)
        .join(', ')}\n`,
    );
    return EXIT_PROBLEMS;
  }

  const sources = files.map(f => f.path).join(', ');
  const text = ruleFileText(generated.groups, sources, options);
  const count = generated.groups.reduce((n, g) => n + g.rules.length, 0);
  const summary = `${count} rules for ${generated.slos.length} SLO${
    generated.slos.length === 1 ? '' : 's'
  }`;
  if (options.alertmanagerConfig) {
    const routeBy = options.routeBy as 'owner' | 'sre';
    await writeAlertmanagerConfig(
      io,
      options.alertmanagerConfig,
      generated.slos.flatMap(slo => slo.owners?.[routeBy] ?? []),
      { ...options, label: ownerLabels[routeBy], sources },
    );
  }
  if (!options.out) {
    io.out(text);
    io.err(`${summary}\n`);
    return EXIT_OK;
  }
  await writeOutput(options.out, text);
  io.out(`wrote ${summary} to ${options.out}\n`);
  return EXIT_OK;
}

/** Refuses options that do not fit together; returns --min-events-per-hour as a number. */
function checkOptions(options: RulesOptions): number | undefined {
  if (options.format !== 'plain' && options.format !== 'operator') {
    throw new CliError(
      `--format must be plain or operator, not "${options.format}"`,
    );
  }
  let minEventsPerHour: number | undefined;
  if (options.minEventsPerHour !== undefined) {
    minEventsPerHour = Number(options.minEventsPerHour);
    if (!(options.minEventsPerHour.trim() && minEventsPerHour >= 0)) {
      throw new CliError(
        `--min-events-per-hour must be a number of 0 or more, not "${options.minEventsPerHour}"`,
      );
    }
  }
  if (options.routeBy !== 'owner' && options.routeBy !== 'sre') {
    throw new CliError(
      `--route-by must be owner or sre, not "${options.routeBy}"`,
    );
  }
  if (options.alertmanagerConfig && !options.url) {
    throw new CliError(
      '--alertmanager-config needs --url: the teams come from the backend',
    );
  }
  return minEventsPerHour;
}

/** Asks the backend at --url for the owner and SRE holder of each selected SLO's service. */
async function lookupRuleOwners(
  io: CliIo,
  documents: ReturnType<typeof readOpenSloFiles>['documents'],
  slos: string[] | undefined,
  options: RulesOptions,
) {
  const token = requireToken(io, options.token, ' with --url');
  const serviceRefs = documents
    .map(l => l.document)
    .filter(
      (d): d is SloDocument =>
        d.kind === 'SLO' && (!slos || slos.includes(d.metadata.name)),
    )
    .map(d => stringifyEntityRef(sloServiceRef(d)));
  const lookup = await lookupOwners({
    baseUrl: backendBaseUrl(options.url!),
    token,
    serviceRefs,
    sreRole: options.sreRole,
    fetch: io.fetch,
  });
  lookup.warnings.forEach(w => io.err(`warning: ${w}\n`));
  return lookup.owners;
}

/** The rule file (or PrometheusRule resource) as YAML, headed by where it came from. */
function ruleFileText(
  groups: ReturnType<typeof generatePrometheusRules>['groups'],
  sources: string,
  options: RulesOptions,
): string {
  let content;
  try {
    content = prometheusRuleFileContent(
      groups,
      options.format as PrometheusRuleFormat,
      {
        name:
          options.name ??
          (options.out
            ? basename(options.out, extname(options.out))
                .toLowerCase()
                .replace(/[^a-z0-9.-]+/g, '-')
            : 'slo-rules'),
        namespace: options.namespace,
        labels: options.resourceLabel,
      },
    );
  } catch (e) {
    throw new CliError(`--name: ${(e as Error).message}`);
  }
  return `# Generated by triad-slo rules from ${sources}; regenerate instead of editing.\n${stringify(
    content,
    { lineWidth: 0, aliasDuplicateObjects: false },
  )}`;
}

/** Writes an Alertmanager route tree with a receiver for each of the teams. */
async function writeAlertmanagerConfig(
  io: CliIo,
  file: string,
  teams: string[],
  options: {
    label: string;
    sources: string;
    defaultReceiver: string;
    routeSeverity?: string[];
  },
) {
  let tree;
  try {
    tree = alertmanagerRouteTree(teams, {
      label: options.label,
      defaultReceiver: options.defaultReceiver,
      severities: options.routeSeverity?.length
        ? options.routeSeverity
        : undefined,
    });
  } catch (e) {
    throw new CliError(`--alertmanager-config: ${(e as Error).message}`);
  }
  await writeOutput(
    file,
    `# Generated by triad-slo rules from ${
      options.sources
    }: one receiver per team; add each team's integrations.\n${stringify(tree, {
      lineWidth: 0,
    })}`,
  );
  io.err(
    `wrote an Alertmanager route tree for ${tree.route.routes.length} team${
      tree.route.routes.length === 1 ? '' : 's'
    } to ${file}\n`,
  );
}
