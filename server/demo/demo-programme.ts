import type { Db } from '../store/database.ts';
import { programmeDay, type ProgrammeItem } from '../../shared/programme.ts';
import { createProgrammeStore } from '../programme/programme-store.ts';
import { DEMO_PLAYLIST, THEME } from './demo-event.ts';

/**
 * The morning of 14 June as the organisers plan it, on the main stage. Written straight into
 * the store (the "not in the past" rule is for the admin's saves), so a hub started at any hour
 * shows a full running order; the countdown counts to 09:35 of the day the store was seeded.
 */
export function demoProgramme(day: string): ProgrammeItem[] {
  const loop = { kind: 'loop', playlistId: DEMO_PLAYLIST.id } as const;
  const item = (
    id: string,
    start: string,
    lengthMin: number,
    title: string,
    titleEn: string,
    performers: string,
    scene: ProgrammeItem['scene'],
    notes = '',
  ): ProgrammeItem => ({ id: `pi-${id}`, start, lengthMin, title, titleEn, performers, scene, groupIds: [], notes });
  return [
    item('checkin', '09:00', 30, '入场签到与暖场视频', 'Check-in and warm-up videos', '', loop, '观众入场，循环播放宣传片。'),
    item(
      'countdown',
      '09:30',
      5,
      '启动仪式倒计时',
      'Countdown to the launch',
      '',
      {
        kind: 'countdown',
        title: '第十九届安全文化节 · 启动仪式',
        to: `${day}T09:35:00+08:00`,
        endText: '安全文化节正式启动！',
      },
      '倒计时归零后请领导上台。',
    ),
    item('speech', '09:35', 10, '领导致辞', 'Opening address', '区应急管理局领导', {
      kind: 'message',
      tone: 'celebrate',
      title: '领导致辞',
      body: `第十九届安全文化节暨安全宣传咨询日\n${THEME}`,
    }),
    item('drama', '09:45', 25, '节目汇演·情景剧《畅通生命通道》', 'Stage show: the sketch “Keep the Lifeline Clear”', '区消防救援支队 · 台湖镇文艺队', {
      kind: 'message',
      tone: 'celebrate',
      title: '情景剧《畅通生命通道》',
      body: '表演：区消防救援支队 · 台湖镇文艺队',
    }),
    item(
      'quiz',
      '10:10',
      20,
      '现场安全知识竞答',
      'Live safety quiz',
      '主持人与现场观众',
      { kind: 'join', title: '扫码参加现场安全知识竞答' },
      '在“现场竞答”页创建场次后上屏。',
    ),
    // The award ceremony's own scene: the MC reveals each winner from the awards tab.
    item('awards', '10:30', 20, '颁奖表彰', 'Awards', '区安委会', { kind: 'awards' }, '在“颁奖 · 抽奖”页逐个揭晓获奖者。'),
    // A draw's scene names a draw made on the day: the MC makes it, then puts it on screen.
    item(
      'draw',
      '10:50',
      10,
      '幸运抽奖',
      'Prize draw',
      '',
      {
        kind: 'message',
        tone: 'celebrate',
        title: '幸运抽奖',
        body: '凭通行证参与 · 中奖请到服务台领奖',
      },
      '在“颁奖 · 抽奖”页抽奖后上屏。',
    ),
    item('experience', '11:00', 120, '沉浸式体验与咨询', 'Immersive learning and advice', '各体验点与咨询台', loop),
  ];
}

export function seedDemoProgramme(db: Db, now: number): void {
  const store = createProgrammeStore(db);
  for (const entry of demoProgramme(programmeDay(now))) store.save(entry, now);
}
