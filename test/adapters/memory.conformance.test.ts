import { createMemoryAdapter } from '../../mocks/core/memory-adapter.ts';
import { runAdapterConformance } from './conformance.ts';

runAdapterConformance('memory', (core, token) => createMemoryAdapter(core, { token }));
