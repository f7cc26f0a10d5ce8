export * from './session.ts';
export * from './schema.ts';
export * from './audio/wav-encode.ts';
