import type { EventSetup } from '../../shared/event.ts';
import type { Scene } from '../../shared/scenes.ts';
import { DEFAULT_HOTLINES } from '../event/event-defaults.ts';

/** The first real customer: Tongzhou's Safety Publicity Consultation Day, 14 June. */
export const THEME = '人人讲安全、个个会应急——畅通生命通道';

/** The demo's event: every text of it lives here and in the store, none in the apps. */
export const DEMO_EVENT: EventSetup = {
  name: '通州区安全宣传咨询日',
  nameEn: 'Tongzhou Safety Publicity Day',
  edition: '第十九届安全文化节',
  editionEn: '19th Safety Culture Festival',
  day: '2026-06-14',
  theme: THEME,
  themeEn: 'Safety is everyone’s business, everyone ready for emergencies — keep lifelines clear',
  organiser: '通州区安全生产委员会办公室',
  organiserEn: 'Tongzhou District Work Safety Committee Office',
  hotlines: DEFAULT_HOTLINES,
};

export const DEMO_VENUES = [
  { id: 'taihu', name: '台湖主会场', nameEn: 'Taihu Main Venue', kind: 'main' },
  { id: 'songzhuang', name: '宋庄镇分会场', nameEn: 'Songzhuang Sub-venue', kind: 'sub' },
  { id: 'lucheng', name: '潞城镇分会场', nameEn: 'Lucheng Sub-venue', kind: 'sub' },
] as const;

export const DEMO_PLAYLIST = { id: 'festival-loop', name: '安全文化节宣传轮播', nameEn: 'Festival loop' };

const loop: Scene = { kind: 'loop', playlistId: DEMO_PLAYLIST.id };
const welcome: Scene = {
  kind: 'message',
  tone: 'celebrate',
  title: '第十九届安全文化节',
  body: `安全宣传咨询日 · 6月14日\n${THEME}`,
};
const join: Scene = { kind: 'join', title: '扫码注册 · 打卡集章 · 答题赢奖' };

/** Each group starts with something on air and something prepared, so the console is not empty. */
export const DEMO_GROUPS: { id: string; venueId: string; name: string; nameEn: string; program: Scene; preview: Scene }[] = [
  { id: 'main-stage', venueId: 'taihu', name: '主舞台 LED', nameEn: 'Main stage LED', program: loop, preview: welcome },
  { id: 'side-screens', venueId: 'taihu', name: '舞台侧屏', nameEn: 'Side screens', program: welcome, preview: join },
  { id: 'lobby', venueId: 'taihu', name: '入口大厅屏', nameEn: 'Lobby screens', program: join, preview: loop },
  { id: 'songzhuang-hall', venueId: 'songzhuang', name: '宋庄分会场大屏', nameEn: 'Songzhuang hall screen', program: loop, preview: welcome },
  { id: 'lucheng-hall', venueId: 'lucheng', name: '潞城分会场大屏', nameEn: 'Lucheng hall screen', program: loop, preview: join },
];

/** Where visitors check in: each venue's entrance, and the main venue's learning stations (the safety passport). */
export const DEMO_CHECKPOINTS = [
  { id: 'taihu-gate', venueId: 'taihu', kind: 'entrance', name: '台湖主会场入口', nameEn: 'Taihu entrance' },
  { id: 'taihu-immersive', venueId: 'taihu', kind: 'station', name: '沉浸式体验学习', nameEn: 'Immersive learning' },
  { id: 'taihu-rescue-gear', venueId: 'taihu', kind: 'station', name: '应急救援装备展示', nameEn: 'Rescue equipment' },
  { id: 'taihu-law', venueId: 'taihu', kind: 'station', name: '普法咨询', nameEn: 'Law and safety advice' },
  { id: 'taihu-quiz', venueId: 'taihu', kind: 'station', name: '安全知识答题', nameEn: 'Safety quiz' },
  { id: 'songzhuang-gate', venueId: 'songzhuang', kind: 'entrance', name: '宋庄分会场入口', nameEn: 'Songzhuang entrance' },
  { id: 'lucheng-gate', venueId: 'lucheng', kind: 'entrance', name: '潞城分会场入口', nameEn: 'Lucheng entrance' },
] as const;
