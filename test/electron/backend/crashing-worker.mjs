// A stand-in database worker speaking the host protocol (worker-protocol.ts), for the host's
// lifecycle tests: `echo` answers with this thread's id, `hang` never answers, `crash` throws
// out of the thread, `exit` leaves it.
import { parentPort, threadId } from 'node:worker_threads';

parentPort.on('message', (message) => {
  if (message.type === 'close') return parentPort.postMessage({ type: 'closed' });
  if (message.op === 'echo') return parentPort.postMessage({ type: 'result', id: message.id, result: { ok: true, value: { threadId } } });
  if (message.op === 'crash') setTimeout(() => { throw new Error('boom in the worker'); });
  if (message.op === 'exit') process.exit(3);
});
parentPort.postMessage({ type: 'ready' });
