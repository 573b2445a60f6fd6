/*
 * What the Triad frontend plugins share: how a backend's error is shown, and
 * a search box that filters once typing pauses.
 */
export { BackendErrorPanel, backendError } from './BackendErrorPanel';
export { SEARCH_DEBOUNCE_MS, SearchField } from './SearchField';
