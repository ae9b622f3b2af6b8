import type { ErrorTable } from './error-table.ts';

/** Screens, groups and scenes: each code's HTTP status (for REST replies; 400 when none) and the sentence a person reads (zh-CN first). */
export const stageErrors = {
  UNKNOWN_SCENE_KIND: {
    status: 400,
    'zh-CN': '不支持这种画面类型，未做任何更改。',
    en: 'This kind of scene is not supported; nothing was changed.',
  },
  UNKNOWN_GROUP: {
    status: 404,
    'zh-CN': '找不到这个屏幕组，请检查地址。',
    en: 'There is no display group with this id; check the address.',
  },
  PREVIEW_CHANGED: {
    status: 409,
    'zh-CN': '预览画面刚被别人改过，请确认新的预览后再上屏。',
    en: 'Someone changed the preview just now; check the new preview before taking it live.',
  },
  UNKNOWN_VENUE: {
    status: 404,
    'zh-CN': '找不到这个会场。',
    en: 'There is no venue with this id.',
  },
  STAGE_FOLLOWING: {
    status: 409,
    'zh-CN': '这个屏幕组正在跟随主会场，请先切换为自主控制再上屏。',
    en: 'This group follows the main stage; switch it to its own control before taking a scene.',
  },
  STAGE_FOLLOW_SELF: {
    status: 400,
    'zh-CN': '主会场的主屏不能跟随自己。',
    en: 'The main stage cannot follow itself.',
  },
} as const satisfies ErrorTable;
