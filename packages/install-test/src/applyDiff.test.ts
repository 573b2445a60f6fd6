import { applyDiff } from './applyDiff';

const entityPage = `import { Grid } from '@material-ui/core';

const overviewContent = (
  <Grid container spacing={3}>
    {entityWarningContent}
    <Grid item md={6}>
      <EntityAboutCard />
    </Grid>
  </Grid>
);

const serviceEntityPage = (
  <EntityLayout>
    <EntityLayout.Route path="/api" title="API" />
    <EntityLayout.Route path="/docs" title="Docs" />
  </EntityLayout>
);

const websiteEntityPage = (
  <EntityLayout>
    <EntityLayout.Route path="/docs" title="Docs" />
  </EntityLayout>
);
`;

describe('applyDiff', () => {
  it('adds lines after the last context line', () => {
    const out = applyDiff(
      entityPage,
      ` const overviewContent = (
     {entityWarningContent}
+    <EntitySloCard />
`,
    );
    expect(out).toContain(
      '    {entityWarningContent}\n    <EntitySloCard />\n    <Grid item md={6}>',
    );
  });

  it('adds lines before the next context line, found after the earlier ones', () => {
    const out = applyDiff(
      entityPage,
      ` const websiteEntityPage = (
 …
+    <EntityLayout.Route path="/slos" title="SLOs" />
     <EntityLayout.Route path="/docs" title="Docs" />
`,
    );
    const website = out.slice(out.indexOf('const websiteEntityPage'));
    expect(website).toContain(
      '  <EntityLayout>\n    <EntityLayout.Route path="/slos" title="SLOs" />\n    <EntityLayout.Route path="/docs" title="Docs" />',
    );
    // Not in the service page, whose docs route comes first in the file.
    expect(out.match(/SLOs/g)).toHaveLength(1);
  });

  it('adds lines without context at the top', () => {
    const out = applyDiff(entityPage, `+import { EntitySloCard } from 'x';\n`);
    expect(out.split('\n')[0]).toBe("import { EntitySloCard } from 'x';");
  });

  it('fails, naming the line, when a context line is not in the file', () => {
    expect(() =>
      applyDiff(
        entityPage,
        ` const systemPage = (
+    <EntityRoleOwnershipCard />
`,
      ),
    ).toThrow('the line "const systemPage = (" is not in the file');
  });

  it('fails when context lines are in another order than in the file', () => {
    expect(() =>
      applyDiff(
        entityPage,
        ` const websiteEntityPage = (
     <EntityLayout.Route path="/api" title="API" />
+    <X />
`,
      ),
    ).toThrow('is not in the file after the lines before it');
  });
});
