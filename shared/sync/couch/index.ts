/** CouchDB sync: the engine (pure TS, HTTP through a CouchTransport) and its contract. */
export { CouchEngine } from './engine';
export { COUCH_META } from './context';
export { docIdOf, parseDocId, ROOT_DOC_ID } from './doc';
export type { CouchField, RowDoc } from './doc';
export { faultOf } from './http';
export { unlockCouchKey } from './root';
export { MOVED_MARKER_PATH } from './types';
export type { CouchEngineOptions, CouchMethod, CouchRequest, CouchResponse, CouchTransport, MovedMarker } from './types';
