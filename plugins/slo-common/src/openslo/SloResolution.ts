import { OpenSloReferenceKind } from './openSloReferences';
import {
  OpenSloLookup,
  ResolutionProblem,
  ResolveSloOptions,
} from './resolvedSlo';
import {
  AlertConditionDocument,
  AlertNotificationTargetDocument,
  AlertPolicyDocument,
  DataSourceDocument,
  SliDocument,
  validateOpenSloDocument,
} from './validateOpenSloDocument';

/** Where the resolver is reading: the SLO itself, or a document it refers to. */
export interface Site {
  objective?: number;
  /** Set inside a referenced document: the SLO's field that leads there. */
  via?: { path: string; kind: OpenSloReferenceKind; name: string };
}

type DocumentOfKind = {
  SLI: SliDocument;
  DataSource: DataSourceDocument;
  AlertPolicy: AlertPolicyDocument;
  AlertCondition: AlertConditionDocument;
  AlertNotificationTarget: AlertNotificationTargetDocument;
};

/**
 * One resolution of an SLO in progress: follows references through the
 * lookup and collects the problems (each at the SLO's field it is at or comes
 * through) and the documents that were missing.
 */
export class SloResolution {
  readonly problems: ResolutionProblem[] = [];
  readonly #missing = new Map<
    string,
    { kind: OpenSloReferenceKind; name: string }
  >();

  constructor(
    private readonly lookup: OpenSloLookup,
    readonly options: ResolveSloOptions,
  ) {}

  get missing() {
    return [...this.#missing.values()];
  }

  report(site: Site, path: string, message: string) {
    this.problems.push({
      path: site.via ? site.via.path : path,
      message,
      ...(site.objective !== undefined && { objective: site.objective }),
      ...(site.via && {
        inDocument: { kind: site.via.kind, name: site.via.name, path },
      }),
    });
  }

  /** The document `name` refers to at `path` of the site, or undefined after reporting why not. */
  follow<K extends OpenSloReferenceKind>(
    kind: K,
    name: string,
    site: Site,
    path: string,
    required = true,
  ): { document: DocumentOfKind[K]; site: Site } | undefined {
    const found = this.lookup(kind, name);
    if (found === undefined || found === null) {
      this.#missing.set(`${kind}\0${name}`, { kind, name });
      if (required) this.report(site, path, this.notFound(kind, name));
      return undefined;
    }
    const foundKind = (found as { kind?: unknown }).kind;
    if (
      typeof foundKind !== 'string' ||
      foundKind.toLocaleLowerCase('en-US') !== kind.toLocaleLowerCase('en-US')
    ) {
      this.report(
        site,
        path,
        `"${name}" is of kind ${String(foundKind)}, not ${kind}`,
      );
      return undefined;
    }
    const result = validateOpenSloDocument(found);
    if (!result.ok) {
      this.report(
        site,
        path,
        `${kind} "${name}" is invalid: ${result.problems
          .map(p => (p.path ? `${p.path}: ${p.message}` : p.message))
          .join('; ')}`,
      );
      return undefined;
    }
    return {
      document: result.document as DocumentOfKind[K],
      site: {
        objective: site.objective,
        via: { path: site.via?.path ?? path, kind, name },
      },
    };
  }

  private notFound(kind: OpenSloReferenceKind, name: string) {
    return this.options.notFound
      ? this.options.notFound({ kind, name })
      : `${kind} "${name}" was not found`;
  }
}
