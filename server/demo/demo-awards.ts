import type { Category } from '../awards/awards-rules.ts';

/** The demo ceremony's list (names invented for the demo): three categories of Tongzhou's safety awards. */
export const DEMO_AWARDS: Category[] = [
  {
    title: '优秀组织单位',
    titleEn: 'Outstanding Organising Units',
    winners: [
      { name: '台湖镇人民政府', unit: '通州区' },
      { name: '宋庄镇人民政府', unit: '通州区' },
      { name: '潞城镇人民政府', unit: '通州区' },
    ],
  },
  {
    title: '安全生产先进个人',
    titleEn: 'Advanced Individuals in Work Safety',
    winners: [
      { name: '王建国', unit: '通州区应急管理局' },
      { name: '李秀梅', unit: '台湖镇安全生产办公室' },
      { name: '张志强', unit: '北京通州燃气服务中心' },
      { name: '周丽华', unit: '永顺镇综合执法队' },
    ],
  },
  {
    title: '应急救援先锋',
    titleEn: 'Emergency Rescue Vanguards',
    winners: [
      { name: '刘海涛', unit: '通州区消防救援支队' },
      { name: '陈晓东', unit: '通州区蓝天救援队' },
    ],
  },
];
