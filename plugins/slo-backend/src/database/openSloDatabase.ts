import { DatabaseService } from '@backstage/backend-plugin-api';
import { BuiltinStore } from '../builtin/BuiltinStore';
import { EventStore } from '../events/EventStore';
import { FleetRunStore } from './FleetRunStore';
import { migrateDatabase } from './migrateDatabase';
import { SloAlertStateStore } from './SloAlertStateStore';
import { SnapshotStore } from './SnapshotStore';

/**
 * The plugin's stores, on its database brought up to date (unless the app
 * runs migrations itself).
 */
export async function openSloDatabase(database: DatabaseService) {
  const db = await database.getClient();
  if (!database.migrations?.skip) await migrateDatabase(db);
  return {
    store: new BuiltinStore(db),
    snapshots: new SnapshotStore(db),
    fleetRuns: new FleetRunStore(db),
    alertStates: new SloAlertStateStore(db),
    eventStore: new EventStore(db),
    /** Resolves when the database answers a trivial query. */
    pingDatabase: () => db.raw('select 1'),
  };
}
