import { createReportJobs } from './job';
import type { ReportReply, ReportRequest } from './protocol';

// The reports worker: reads the database and computes every KPI off the page's thread, so the
// page keeps answering while 100k accounts are counted. Dexie runs in workers as in the page.

type WorkerScope = { onmessage: ((event: MessageEvent<ReportRequest>) => void) | null; postMessage: (reply: ReportReply) => void };
const scope = self as unknown as WorkerScope;

const handle = createReportJobs((reply) => scope.postMessage(reply));
scope.onmessage = (event) => void handle(event.data);
