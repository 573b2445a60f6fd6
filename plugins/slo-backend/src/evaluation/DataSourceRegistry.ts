import {
  SloDataSource,
  SloDataSourcesExtensionPoint,
} from '@triad/plugin-slo-node';

/** The data sources that modules add through the extension point, by type. */
export class DataSourceRegistry implements SloDataSourcesExtensionPoint {
  private readonly byType = new Map<string, SloDataSource>();

  // A property, so that a module may call it without its object.
  addDataSource = (source: SloDataSource): void => {
    const type = source.type.toLocaleLowerCase('en-US');
    if (this.byType.has(type))
      throw new Error(`SLO data source type "${type}" is registered twice`);
    this.byType.set(type, source);
  };

  /** The modules' data sources and the built-in one. */
  withBuiltin(builtin: SloDataSource): ReadonlyMap<string, SloDataSource> {
    return new Map(this.byType).set('builtin', builtin);
  }
}
