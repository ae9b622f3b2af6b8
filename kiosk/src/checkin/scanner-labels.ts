import type { Catalog } from '../../../shared/client/catalog.ts';
import type { ScannerErrorCode } from './qr-scanner.ts';

/** The scanner's few words. The page shows both: Chinese first, English small under it. */
const zh = {
  hint: '请将二维码对准框内',
  starting: '正在打开摄像头…',
  retry: '重试',
  'keyboard.still': '仍可使用扫码枪扫码',
  'error.no-camera': '未找到摄像头，请检查摄像头是否连接。',
  'error.permission-denied': '摄像头权限被拒绝，请在浏览器设置中允许使用摄像头。',
  'error.camera-busy': '摄像头正被其他程序占用，请关闭后重试。',
  'error.insecure-context': '此地址无法使用摄像头：请用 https 地址打开，或请工作人员设置浏览器。',
  'error.decoder-unavailable': '扫码组件加载失败，请刷新页面。',
  'error.camera-failed': '摄像头无法启动，请重试。',
} as const;

export type ScannerLabelKey = keyof typeof zh;

const en: Record<ScannerLabelKey, string> = {
  hint: 'Hold your QR pass inside the frame',
  starting: 'Opening the camera…',
  retry: 'Try again',
  'keyboard.still': 'The handheld scanner still works',
  'error.no-camera': 'No camera found. Check that it is connected.',
  'error.permission-denied': 'Camera access was denied. Allow the camera in the browser settings.',
  'error.camera-busy': 'Another program is using the camera. Close it and try again.',
  'error.insecure-context': 'The camera is not available at this address: open it over https, or ask staff to set up the browser.',
  'error.decoder-unavailable': 'The QR reader did not load. Reload the page.',
  'error.camera-failed': 'The camera did not start. Try again.',
};

export const scannerLabels: Catalog<ScannerLabelKey> = { 'zh-CN': zh, en };

export const errorLabelKey = (code: ScannerErrorCode): ScannerLabelKey => `error.${code}`;
