/** A catalog file with comments, flow style and two documents. */
export const CATALOG_INFO = `# Catalog entities of the checkout service.
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: checkout-service
  annotations:
    github.com/project-slug: acme/checkout   # where the code lives
spec:
  type: service
  lifecycle: production
  owner: group:checkout-team
---
# The API it provides
apiVersion: backstage.io/v1alpha1
kind: API
metadata: { name: checkout-api }
spec:
  type: openapi
  lifecycle: production
  owner: group:checkout-team
  definition: |
    openapi: 3.0.0
`;
