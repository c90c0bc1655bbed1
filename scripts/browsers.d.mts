// Types for scripts/browsers.mjs (imported by the vite configs).
export declare const BROWSERS: readonly (readonly [name: string, id: string, version: string])[];
export declare const BUILD_TARGET: string[];
