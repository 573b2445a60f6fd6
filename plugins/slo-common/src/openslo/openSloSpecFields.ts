import { z } from 'zod';
import { OpenSloKind, specSchemas } from './schema';

/**
 * The top-level `spec` fields the validator knows for a kind, read from its
 * schema so that a description of the kind (the catalog model layer) cannot
 * list a field the validator does not.
 */
export function openSloSpecFields(kind: OpenSloKind): string[] {
  const schema: z.ZodTypeAny = specSchemas[kind];
  const object = schema instanceof z.ZodEffects ? schema.innerType() : schema;
  return Object.keys((object as z.AnyZodObject).shape);
}
