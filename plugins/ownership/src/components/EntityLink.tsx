import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { shortRef } from './refs';

/**
 * A link to an entity page, named by the title the ownership backend gave it
 * (no extra catalog request per link), with the reference as tooltip. It is
 * underlined: in running text, colour alone would not tell it apart.
 */
export function EntityLink(props: { entityRef: string; title?: string }) {
  const { entityRef, title } = props;
  return (
    <EntityRefLink
      entityRef={entityRef}
      title={shortRef(entityRef)}
      underline="always"
    >
      {title || shortRef(entityRef)}
    </EntityRefLink>
  );
}
