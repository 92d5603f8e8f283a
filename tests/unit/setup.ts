// fake-indexeddb gives the db layer a real IndexedDB implementation under Node.
import 'fake-indexeddb/auto';
