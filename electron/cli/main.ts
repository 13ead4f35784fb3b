import { preferSmallHeap } from '../backend/heap.js';
import { runCli } from './program.js';

preferSmallHeap();

process.exitCode = await runCli(process.argv.slice(2));
