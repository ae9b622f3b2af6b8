/** The festival's fixed lines, shown on every text scene (its name and the year's theme). */
export const FESTIVAL_LINE = '第十九届安全文化节 · 通州区安全宣传咨询日';
export const THEME_LINE = '人人讲安全、个个会应急——畅通生命通道';
