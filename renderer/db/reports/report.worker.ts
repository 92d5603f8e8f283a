import { serveJob } from '../workers/serve';
import { createReportJobs } from './job';
import { reportJob } from './protocol';

// The reports worker: reads the database and computes every KPI off the page's thread, so the
// page keeps answering while 100k accounts are counted. Dexie runs in workers as in the page.
serveJob(reportJob, createReportJobs());
