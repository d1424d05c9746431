export * from './enums';
export * from './iso-week';
export * from './api';
export * from './stages';
export * from './analysis';
export * from './api-analysis';
export * from './api-auth';
export * from './api-decisions';
