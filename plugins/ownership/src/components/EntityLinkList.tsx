import { EntityLink } from './EntityLink';

/**
 * Links to entities in running text, separated by commas; each named by its
 * title, else its name.
 */
export function EntityLinkList(props: {
  entities: readonly { ref: string; title?: string; name?: string }[];
}) {
  return (
    <>
      {props.entities.map((e, i) => (
        <span key={e.ref}>
          {i > 0 && ', '}
          <EntityLink entityRef={e.ref} title={e.title ?? e.name} />
        </span>
      ))}
    </>
  );
}
