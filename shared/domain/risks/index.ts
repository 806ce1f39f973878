/**
 * The risk ledger's domain (风险台账): stability assessments (稳评) with their levels, suggestion
 * mapping and workflow; risk hazards (风险隐患) with colour levels, location and workflow; measures
 * and meeting assignments as tracked tasks; re-reviews; meetings (一评四会); figures.
 */
export * from './assessment-content';
export * from './assessment-levels';
export * from './assessment-statuses';
export * from './figures';
export * from './hazard-levels';
export * from './hazard-location';
export * from './hazard-record';
export * from './hazard-statuses';
export * from './meetings';
export * from './re-reviews';
export * from './tasks';
