import { InputError } from '@backstage/errors';
import { posix } from 'path';
import { parseAllDocuments } from 'yaml';
import { upsertYamlDocument } from '@triad/scaffolder-utils';

type LocationLike = {
  kind?: unknown;
  metadata?: { name?: unknown };
  spec?: { target?: unknown; targets?: unknown };
};

function documentsOf(text: string, file: string): LocationLike[] {
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs)) return [];
  return docs.map(d => {
    if (d.errors.length) {
      throw new InputError(
        `catalogFile: ${file} is not valid YAML, so it is left alone: ${
          d.errors[0].message.split('\n')[0]
        }`,
      );
    }
    const value = d.toJS();
    return typeof value === 'object' && value !== null
      ? (value as LocationLike)
      : {};
  });
}

/**
 * Makes a catalog file reference `target` (relative to the catalog file,
 * `./slos.yaml`) through a Location document. Returns the new text, or
 * undefined when some Location already points at the target.
 */
export function ensureLocation(
  text: string,
  options: {
    target: string;
    name: string;
    description: string;
    file: string;
  },
): string | undefined {
  const wanted = posix.normalize(options.target);
  const locations = documentsOf(text, options.file).filter(
    d => d.kind === 'Location',
  );
  const pointsAt = (d: LocationLike) =>
    [d.spec?.target, ...[d.spec?.targets ?? []].flat()]
      .filter((t): t is string => typeof t === 'string')
      .some(t => posix.normalize(t) === wanted);
  if (locations.some(pointsAt)) return undefined;
  if (locations.some(d => d.metadata?.name === options.name)) {
    throw new InputError(
      `catalogFile: ${options.file} has a Location "${options.name}" that does not point at ${options.target}; add the target to it or choose another path`,
    );
  }
  return upsertYamlDocument(
    text,
    () => false,
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Location',
      metadata: { name: options.name, description: options.description },
      spec: { targets: [options.target] },
    },
    options.file,
  ).text;
}
