// The PDF drawing worker's entry (pdf-drawing-pool.ts starts it): loads pdf-worker.ts through tsx's
// tsImport, which needs no loader registered in this thread and keeps out of the way of one that
// is (tsx registers itself in workers too from Node 22.22 on).
import { tsImport } from 'tsx/esm/api';

await tsImport('./pdf-worker.ts', import.meta.url);
