import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'fs';
import { resolve } from 'path';
import { parse } from 'yaml';

const SPEC_ID = 'openapi.yaml';
const pointer = (...parts: string[]) =>
  parts.map(p => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

/**
 * Holds the backend's answers to `src/schema/openapi.yaml`: the status must
 * be documented for the operation, and the body must match the documented
 * (closed) schema. Throws with every mismatch.
 */
export function openApiContract() {
  const spec = parse(
    readFileSync(resolve(__dirname, '../schema/openapi.yaml'), 'utf8'),
  );
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ ...spec, $id: SPEC_ID });
  const routes = Object.keys(spec.paths).map(template => ({
    template,
    pattern: new RegExp(
      `^${template.replace(/\{\w+\}/g, '[^/]+')}$`.replace(/\//g, '\\/'),
    ),
  }));

  return function expectToMatchContract(
    method: string,
    url: string,
    status: number,
    body: unknown,
  ) {
    const path = url.replace(/^\/api\/slo/, '').split('?')[0];
    const route = routes.find(r => r.pattern.test(path));
    if (!route) throw new Error(`${path} is not in the OpenAPI document`);
    const operation = spec.paths[route.template][method.toLowerCase()];
    if (!operation) {
      throw new Error(`${method} ${route.template} is not documented`);
    }
    let response = operation.responses[String(status)];
    if (!response) {
      throw new Error(
        `${method} ${route.template} answered ${status}, which is not documented`,
      );
    }
    let schemaPath = pointer(
      'paths',
      route.template,
      method.toLowerCase(),
      'responses',
      String(status),
    );
    if (response.$ref) {
      schemaPath = response.$ref.slice(2);
      response = spec.components.responses[schemaPath.split('/').pop()!];
    }
    if (!response.content) return;
    const validate = ajv.compile({
      $ref: `${SPEC_ID}#/${schemaPath}/${pointer(
        'content',
        'application/json',
        'schema',
      )}`,
    });
    if (!validate(body)) {
      throw new Error(
        `${method} ${url} (${status}) does not match the OpenAPI document: ${ajv.errorsText(
          validate.errors,
          { separator: '; ' },
        )}\n${JSON.stringify(body, null, 2).slice(0, 2000)}`,
      );
    }
  };
}
