// Types for scripts/strip-annotations.mjs (imported by vite.lib.config.ts).
import type { Plugin } from 'vite';

export function stripAnnotations(): Plugin;
