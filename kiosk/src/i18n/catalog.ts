import { mergeCatalogs } from '../../../shared/client/catalog.ts';
import { checkinWords } from './checkin.ts';
import { homeWords } from './home.ts';
import { liveWords } from './live.ts';
import { quizWords } from './quiz.ts';
import { registerWords } from './register.ts';

/**
 * The kiosk app's words, zh-CN first, English second: one file per part of the app (the type
 * checker keeps each file's English complete); a new part adds one line here.
 */
export const kioskCatalog = mergeCatalogs(checkinWords, homeWords, liveWords, quizWords, registerWords);
