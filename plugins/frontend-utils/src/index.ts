/*
 * What the Triad frontend plugins share: how a backend's error is shown, the
 * notice of an answer from the catalog's earlier answers, a search box that
 * filters once typing pauses, and a drop-down filter.
 */
export { BackendErrorPanel, backendError } from './BackendErrorPanel';
export { CatalogStaleNotice, formatAge } from './CatalogStaleNotice';
export { FilterSelect } from './FilterSelect';
export { SEARCH_DEBOUNCE_MS, SearchField } from './SearchField';
