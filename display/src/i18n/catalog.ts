import { mergeCatalogs } from '../../../shared/client/catalog.ts';
import { awardsWords } from './awards.ts';
import { bankWords } from './bank.ts';
import { devicesWords } from './devices.ts';
import { drawWords } from './draw.ts';
import { emergencyWords } from './emergency.ts';
import { eventWords } from './event.ts';
import { venuesWords } from './venues.ts';
import { readinessWords } from './readiness.ts';
import { figuresWords } from './figures.ts';
import { liaisonWords } from './liaison.ts';
import { liveWords } from './live.ts';
import { mediaWords } from './media.ts';
import { programmeWords } from './programme.ts';
import { staffWords } from './staff.ts';
import { stageWords } from './stage.ts';

/**
 * The display app's words, zh-CN first, English second: one file per part of the app (the type
 * checker keeps each file's English complete); a new part adds one line here.
 */
export const displayCatalog = mergeCatalogs(
  awardsWords,
  bankWords,
  devicesWords,
  drawWords,
  emergencyWords,
  eventWords,
  venuesWords,
  readinessWords,
  figuresWords,
  liaisonWords,
  liveWords,
  mediaWords,
  programmeWords,
  staffWords,
  stageWords,
);
export type DisplayKey = keyof (typeof displayCatalog)['zh-CN'];
