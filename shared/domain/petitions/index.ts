/** The petition backlog's domain: statuses, classification, calendar, clocks, stages, metrics. */
export * from './calendar';
export * from './classification';
export * from './clocks';
export * from './holidays-2026';
export * from './metrics';
export * from './stages';
export * from './statuses';
