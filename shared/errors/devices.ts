import type { ErrorTable } from './error-table.ts';

/** Pairing and devices: each code's HTTP status (for REST replies; 400 when none) and the sentence a person reads (zh-CN first). */
export const devicesErrors = {
  DEVICE_UNKNOWN: {
    status: 401,
    'zh-CN': '这台设备的凭证无效，请重新配对。',
    en: 'This device’s credentials are not valid; pair it again.',
  },
  DEVICE_REVOKED: {
    status: 401,
    'zh-CN': '这台设备已被停用，请重新配对。',
    en: 'This device has been revoked; pair it again.',
  },
  DEVICE_EXPIRED: {
    status: 401,
    'zh-CN': '这台设备的配对已过期，请重新配对。',
    en: 'This device’s pairing has expired; pair it again.',
  },
  PAIRING_CODE_INVALID: {
    status: 400,
    'zh-CN': '配对码不正确或已过期，请核对屏幕上的配对码。',
    en: 'The pairing code is wrong or has expired; check the code on the device.',
  },
  UNKNOWN_DEVICE: {
    status: 404,
    'zh-CN': '找不到这台设备。',
    en: 'There is no device with this id.',
  },
} as const satisfies ErrorTable;
