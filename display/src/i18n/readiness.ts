import { catalogPart } from '../../../shared/client/catalog.ts';

/** The readiness view (就绪检查): what is still missing before the day. */
export const readinessWords = catalogPart(
  {
    'tab.readiness': '就绪检查',
    'readiness.title': '活动前还缺什么',
    'readiness.hint': '按会场列出尚未准备好的事项。配对设备、分配账号或在舞台画面中设置节目后，点“重新检查”。',
    'readiness.refresh': '重新检查',
    'readiness.allReady': '{venues} 个会场都已就绪，没有缺少的事项。',
    'readiness.summary': '{venues} 个会场中还缺 {count} 项',
    'readiness.event': '整场活动',
    'readiness.kind.venue-no-screen': '没有配对任何大屏',
    'readiness.kind.venue-no-operator': '没有分会场操作员账号',
    'readiness.kind.group-no-screen': '屏幕组“{subject}”没有配对大屏',
    'readiness.kind.group-nothing-on-air': '屏幕组“{subject}”没有设置播出画面',
    'readiness.kind.point-no-kiosk': '签到点“{subject}”没有自助机',
    'readiness.kind.operator-never-signed-in': '操作员 {subject} 从未登录',
    'readiness.kind.programme-no-scene': '节目“{subject}”没有设置画面',
  },
  {
    'tab.readiness': 'Readiness',
    'readiness.title': 'What is still missing before the day',
    'readiness.hint': 'What is not ready yet, venue by venue. After pairing devices, giving out accounts or setting scenes, press “Check again”.',
    'readiness.refresh': 'Check again',
    'readiness.allReady': 'All {venues} venues are ready: nothing is missing.',
    'readiness.summary': '{count} things missing in {venues} venues',
    'readiness.event': 'The whole event',
    'readiness.kind.venue-no-screen': 'No screen paired',
    'readiness.kind.venue-no-operator': 'No sub-venue operator account',
    'readiness.kind.group-no-screen': 'Screen group “{subject}” has no screen paired',
    'readiness.kind.group-nothing-on-air': 'Screen group “{subject}” has nothing on air',
    'readiness.kind.point-no-kiosk': 'Check-in point “{subject}” has no kiosk',
    'readiness.kind.operator-never-signed-in': 'Operator {subject} has never signed in',
    'readiness.kind.programme-no-scene': 'Running-order item “{subject}” has no scene',
  },
);
