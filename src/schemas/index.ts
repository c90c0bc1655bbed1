export * from './primitives.ts';
export * from './program.ts';
export * from './records.ts';
export * from './previews.ts';
export * from './problem.ts';
export * from './parse.ts';
export * from './parse-previews.ts';
export * from './book.ts';
