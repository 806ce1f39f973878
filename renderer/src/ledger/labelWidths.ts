/*
 * Label widths of the ledgers' forms, so that a label never wraps at any window size: a Chinese
 * character is 14px wide, the required star and the label's padding take about 23px more.
 */

/** Up to six characters with the required star (稳控化解措施), seven without. */
export const LABEL_WIDTH = '120px';

/** The assessment's thirteen-character level labels (评估风险等级（采取措施前）). */
export const LONG_LABEL_WIDTH = '200px';
