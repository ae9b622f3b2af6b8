import { Type, type Static } from '@sinclair/typebox';
import type { Locale } from './errors.ts';
import { Slug } from './ids.ts';
import { EmptyRequest, type CommandTable, type EventTable } from './protocol-table.ts';

/**
 * The emergency override: staff put one notice on every screen and kiosk of chosen venues; it
 * covers whatever is on until it is cleared. Presets are worded in advance (nobody types well in
 * an evacuation); a custom text is shown as typed, in both languages' places.
 */
export const EMERGENCY_PRESET_IDS = ['evacuate', 'shelter', 'allClear'] as const;
export type EmergencyPresetId = (typeof EMERGENCY_PRESET_IDS)[number];

/** alarm: white on red with a siren; warning: black on yellow with a siren; clear: white on green, one chime. */
const EMERGENCY_TONES = ['alarm', 'warning', 'clear'] as const;
export type EmergencyTone = (typeof EMERGENCY_TONES)[number];

export type LocalText = Record<Locale, string>;

export interface EmergencyPreset {
  tone: EmergencyTone;
  title: LocalText;
  body: LocalText;
}

export const EMERGENCY_PRESETS: Record<EmergencyPresetId, EmergencyPreset> = {
  evacuate: {
    tone: 'alarm',
    title: { 'zh-CN': '紧急疏散', en: 'Evacuate now' },
    body: {
      'zh-CN': '请保持冷静，听从工作人员指挥，从最近的安全出口有序撤离，不要拥挤，不要返回取物。',
      en: 'Stay calm and follow the staff. Leave by the nearest exit in good order. Do not push, do not go back for belongings.',
    },
  },
  shelter: {
    tone: 'warning',
    title: { 'zh-CN': '恶劣天气 · 就地避险', en: 'Severe weather · take shelter' },
    body: {
      'zh-CN': '请立即进入室内或工作人员指定的避险区域，远离广告牌、树木和临时搭建物，等待进一步通知。',
      en: 'Go indoors or to the shelter area the staff show you now. Keep away from billboards, trees and temporary structures. Wait for further notice.',
    },
  },
  allClear: {
    tone: 'clear',
    title: { 'zh-CN': '险情已解除', en: 'All clear' },
    body: {
      'zh-CN': '险情已经排除，感谢大家的配合。活动稍后恢复，请听从工作人员安排。',
      en: 'The danger is over. Thank you for your help. The event resumes shortly; please follow the staff.',
    },
  },
};

/** A custom notice's heading, above the staff's own words. */
export const CUSTOM_TITLE: LocalText = { 'zh-CN': '紧急通知', en: 'Emergency notice' };
export const CUSTOM_TEXT_MAX = 200;

const Text = Type.Object({ 'zh-CN': Type.String(), en: Type.String() });

/** What a screen or kiosk shows. */
export const EmergencyNotice = Type.Object({
  id: Type.String(),
  preset: Type.Union([...EMERGENCY_PRESET_IDS.map((id) => Type.Literal(id)), Type.Null()]),
  tone: Type.Union(EMERGENCY_TONES.map((tone) => Type.Literal(tone))),
  title: Text,
  body: Text,
  raisedAt: Type.Integer(),
});
export type EmergencyNotice = Static<typeof EmergencyNotice>;

/** One venue's emergency state, pushed to its devices on every change and on every (re)connect. */
export const VenueEmergency = Type.Object({
  venueId: Type.String(),
  /** Goes up on every raise and clear of this venue; a device applies only what is newer. */
  revision: Type.Integer(),
  emergency: Type.Union([EmergencyNotice, Type.Null()]),
});
export type VenueEmergency = Static<typeof VenueEmergency>;

const VenueChoice = Type.Union([Type.Array(Slug, { minItems: 1, maxItems: 50 }), Type.Literal('all')]);

export const EmergencyRaiseRequest = Type.Object(
  {
    venueIds: VenueChoice,
    preset: Type.Optional(Type.Union(EMERGENCY_PRESET_IDS.map((id) => Type.Literal(id)))),
    /** A custom text instead of a preset (its length is checked by the hub, with a clear refusal). */
    text: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type EmergencyRaiseRequest = Static<typeof EmergencyRaiseRequest>;

const EmergencyClearRequest = Type.Object({ venueIds: VenueChoice }, { additionalProperties: false });
type EmergencyClearRequest = Static<typeof EmergencyClearRequest>;

/** A device says it has the notice on screen (or, with emergencyId null, that it shows none). */
const EmergencyShownRequest = Type.Object(
  { revision: Type.Integer({ minimum: 0 }), emergencyId: Type.Union([Type.String({ maxLength: 40 }), Type.Null()]) },
  { additionalProperties: false },
);
type EmergencyShownRequest = Static<typeof EmergencyShownRequest>;

const DEVICE_EMERGENCY_STATES = ['shown', 'pending', 'offline'] as const;
export type DeviceEmergencyState = (typeof DEVICE_EMERGENCY_STATES)[number];

export const EmergencyDeviceStatus = Type.Object({
  deviceId: Type.String(),
  name: Type.String(),
  kind: Type.Union([Type.Literal('screen'), Type.Literal('kiosk')]),
  venueId: Type.String(),
  groupId: Type.Union([Type.String(), Type.Null()]),
  /** shown: acknowledged this notice; pending: connected, not yet; offline: not connected (send a person). */
  state: Type.Union(DEVICE_EMERGENCY_STATES.map((state) => Type.Literal(state))),
  shownAt: Type.Union([Type.Integer(), Type.Null()]),
});
export type EmergencyDeviceStatus = Static<typeof EmergencyDeviceStatus>;

/** The console's view: each visible venue's state, and every device of a venue under an emergency. */
export const EmergencyStatus = Type.Object({
  venues: Type.Array(VenueEmergency),
  devices: Type.Array(EmergencyDeviceStatus),
});
export type EmergencyStatus = Static<typeof EmergencyStatus>;

/** The emergency commands of the socket protocol: request and reply schemas (shared/events.ts gathers every domain's). */
export const emergencyCommands = {
  /** Staff put an emergency notice on every screen and kiosk of the chosen venues (or all); audited. */
  'emergency:raise': { request: EmergencyRaiseRequest, reply: EmergencyStatus },
  /** Staff take the notice off those venues; audited. */
  'emergency:clear': { request: EmergencyClearRequest, reply: EmergencyStatus },
  /** Each venue's notice, and which devices show it, have not yet, or are offline. */
  'emergency:status': { request: EmptyRequest, reply: EmergencyStatus },
  /** A screen or kiosk has the notice on screen (sent once it is rendered). */
  'emergency:shown': { request: EmergencyShownRequest, reply: Type.Object({ current: Type.Boolean() }) },
} as const satisfies CommandTable;

/** The emergency events the hub sends. */
export const emergencyEvents = {
  /** To every screen and kiosk of a venue on each raise and clear, and to each one as it connects. */
  'emergency:state': VenueEmergency,
} as const satisfies EventTable;
