export * from './api-packs';
export * from './pack-comparison';
