import type { Locale } from '../errors.ts';

/** What an unpaired screen or kiosk says, in both languages. */
export const PAIRING_LABELS: Record<Locale, Record<'title' | 'steps' | 'scan' | 'expires' | 'waiting', string>> = {
  'zh-CN': {
    title: '这台设备尚未配对',
    steps: '请工作人员登录中控台，打开“设备”，输入下方配对码，并为它选择会场与屏幕组。',
    scan: '或用已登录中控台的手机扫码',
    expires: '配对码 {minutes} 分钟内有效，过期会自动更换',
    waiting: '正在获取配对码……',
  },
  en: {
    title: 'This device is not paired yet',
    steps: 'Staff: sign in to the console, open “Devices”, enter the code below and choose a venue and screen group.',
    scan: 'Or scan with a phone signed in to the console',
    expires: 'The code is valid for {minutes} minutes and renews itself',
    waiting: 'Getting a pairing code…',
  },
};
