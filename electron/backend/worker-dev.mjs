// Worker entry when running from TypeScript sources (npm run web, tests): tsx's loader is not
// inherited by worker threads, so register it here before loading the real worker.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
