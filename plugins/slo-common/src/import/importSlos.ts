import { importPyrraSlo, isPyrraSlo } from './importPyrra';
import { importSlothSpec, isSlothSpec } from './importSloth';
import { ImportOptions, ImportResult } from './importTypes';

/**
 * Converts every Sloth spec and Pyrra ServiceLevelObjective among parsed YAML
 * documents into OpenSLO v1; other documents are skipped and counted. Pure:
 * the caller reads and writes the files.
 */
export function importSlos(
  docs: readonly unknown[],
  options: ImportOptions = {},
): ImportResult & { skipped: number } {
  const result: ImportResult & { skipped: number } = {
    documents: [],
    notes: [],
    skipped: 0,
  };
  for (const doc of docs) {
    let one: ImportResult | undefined;
    if (isSlothSpec(doc)) one = importSlothSpec(doc, options);
    else if (isPyrraSlo(doc)) one = importPyrraSlo(doc, options);
    if (!one) {
      result.skipped++;
      continue;
    }
    result.documents.push(...one.documents);
    result.notes.push(...one.notes);
  }
  return result;
}

/** One line per note: `Sloth service "x" SLO "y": slos[0].alerting.labels: …`. */
export function formatImportNote(note: {
  source: string;
  field: string;
  message: string;
}): string {
  return `${note.source}: ${note.field}: ${note.message}`;
}
