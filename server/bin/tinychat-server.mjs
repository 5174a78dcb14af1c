#!/usr/bin/env node
// The server is written in TypeScript and runs from source: tsx loads it without a build step.
import { register } from 'tsx/esm/api';

register();
await import('../main.ts');
