#!/usr/bin/env node
// `npx banhchi …` from the repository: runs the TypeScript CLI through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../electron/cli/main.ts');
