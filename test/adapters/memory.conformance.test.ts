import { createMemoryAdapter } from '../../src/adapters/memory.ts';
import { runAdapterConformance } from './conformance.ts';

runAdapterConformance('memory', (core, token) => createMemoryAdapter(core, { token }));
